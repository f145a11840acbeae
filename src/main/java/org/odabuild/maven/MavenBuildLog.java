package org.odabuild.maven;

import org.apache.maven.plugin.logging.Log;
import org.odabuild.core.BuildLog;

/** Adapts Maven's {@link Log} to the core's {@link BuildLog}. */
final class MavenBuildLog implements BuildLog {

    private final Log log;

    MavenBuildLog(Log log) {
        this.log = log;
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }
}
