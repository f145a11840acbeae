package org.odabuild.core.build;

import java.util.Map;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.core.registry.RegistrySettings;
import org.odabuild.core.resolve.ResolveRequest;

/**
 * {@code oda:push-image}: pushes what {@code oda:build-image} recorded in {@code build.json}; it plans nothing, so it
 * needs only where the images and reports are, the registry and the daemon.
 */
public record PushRequest(ResolveRequest resolve, RegistrySettings registry, String dockerHost, String certPath,
        int threads, Map<String, String> env) {

    public PushRequest {
        env = Map.copyOf(env);
        requireThreads(threads);
    }

    static void requireThreads(int threads) {
        if (threads < 1) {
            throw new InvalidInputException(Setting.THREADS + " " + threads + " is not a number of threads: use 1 or more"
                    + " (default: the number of cores)");
        }
    }
}
