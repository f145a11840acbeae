package org.odabuild.core.build;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.core.release.ReleaseCheckRequest;

/**
 * Everything {@code oda:build}, {@code oda:build-image} and {@code oda:push-image} need.
 *
 * @param push        push after building; empty = yes on CI, no locally
 * @param buildArgs   user build args ({@code -Doda.buildArgs.X=})
 * @param dockerHost  the daemon, {@code unix://} or {@code tcp://}
 * @param certPath    TLS certificates for a tcp daemon, or null
 * @param testTimeout how long a testDockerfile container may run
 * @param index       when to publish an image index
 * @param threads     how many images build (and push) at the same time ({@code -Doda.threads})
 */
public record BuildRequest(
        ReleaseCheckRequest release,
        Optional<Boolean> push,
        LatestTag latestTag,
        Map<String, String> buildArgs,
        String dockerHost,
        String certPath,
        Duration testTimeout,
        IndexMode index,
        int threads) {

    public BuildRequest {
        buildArgs = Map.copyOf(buildArgs);
        BuildArgs.requireUsersOwn(buildArgs);
        PushRequest.requireThreads(threads);
        if (testTimeout.isNegative() || testTimeout.isZero()) {
            throw new InvalidInputException(Setting.TEST_TIMEOUT + " " + testTimeout.toSeconds() + " is not a time to"
                    + " wait: use 1 or more seconds (default 600)");
        }
    }

    /** The push of what this request builds, as {@code oda:push-image} does it later. */
    public PushRequest pushRequest() {
        return new PushRequest(release.plan().resolve(), release.registry(), dockerHost, certPath, threads,
                release.plan().env());
    }

    /** One image after the other. */
    public BuildRequest(ReleaseCheckRequest release, Optional<Boolean> push, LatestTag latestTag,
            Map<String, String> buildArgs, String dockerHost, String certPath, Duration testTimeout, IndexMode index) {
        this(release, push, latestTag, buildArgs, dockerHost, certPath, testTimeout, index, 1);
    }
}
