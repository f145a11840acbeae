package org.odabuild.core.docker;

import io.fabric8.maven.docker.util.Logger;
import java.util.IllegalFormatException;
import org.odabuild.core.BuildLog;

/** fabric8 DMP's logger interface on top of the core's {@link BuildLog} (DMP's AnsiLogger needs an old jansi). */
public final class DmpLog implements Logger {

    private final BuildLog log;

    public DmpLog(BuildLog log) {
        this.log = log;
    }

    private static String format(String format, Object... args) {
        if (args == null || args.length == 0) {
            return format;
        }
        try {
            return String.format(format, args);
        } catch (IllegalFormatException e) {
            return format;
        }
    }

    @Override
    public void debug(String format, Object... params) {
        log.debug(format(format, params));
    }

    @Override
    public void info(String format, Object... params) {
        log.info(format(format, params));
    }

    @Override
    public void verbose(LogVerboseCategory category, String format, Object... params) {
        log.debug(format(format, params));
    }

    @Override
    public void warn(String format, Object... params) {
        log.warn(format(format, params));
    }

    @Override
    public void error(String format, Object... params) {
        log.error(format(format, params));
    }

    @Override
    public String errorMessage(String message) {
        return message;
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    /** DMP's verbose categories (API calls, build steps) are debug lines here: {@code -X} shows them. */
    @Override
    public boolean isVerboseEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public void progressStart() {
    }

    @Override
    public void progressUpdate(String layerId, String status, String progressMessage) {
    }

    @Override
    public void progressFinished() {
    }
}
