package org.odabuild.core.build;

import org.odabuild.core.BuildLog;
import org.odabuild.core.docker.DmpDockerDaemon;
import org.odabuild.core.docker.DockerDaemon;

/** Connects to the daemon only when an image really has to be built or pushed. */
@FunctionalInterface
public interface DaemonFactory {

    DockerDaemon connect(String dockerHost, String certPath, BuildLog log);

    static DaemonFactory fabric8() {
        // a lambda, not DmpDockerDaemon::connect: a method reference loads the class (and fabric8's) when it is
        // made, which a build that finds every image up to date never needs
        return (dockerHost, certPath, log) -> DmpDockerDaemon.connect(dockerHost, certPath, log);
    }
}
