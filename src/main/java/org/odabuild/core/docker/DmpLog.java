package org.odabuild.core.docker;

import io.fabric8.maven.docker.util.Logger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import org.odabuild.core.BuildLog;

/** fabric8 DMP's logger interface on top of the core's {@link BuildLog} (DMP's AnsiLogger needs an old jansi). */
public final class DmpLog implements Logger {

    private static final int RECENT = 30;

    private final BuildLog log;
    /** The last lines fabric8 passed on (a build's output among them): the daemon's error often says only "exit 1". */
    private final Deque<String> recent = new ArrayDeque<>();

    public DmpLog(BuildLog log) {
        this.log = log;
    }

    /** The recent lines that report an error, oldest first; empties the memory. */
    synchronized List<String> recentErrors() {
        List<String> errors = recent.stream().filter(l -> l.toLowerCase(Locale.ROOT).contains("error")).toList();
        recent.clear();
        return errors;
    }

    private synchronized String remember(String line) {
        if (recent.size() == RECENT) {
            recent.removeFirst();
        }
        recent.addLast(line.strip());
        return line;
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
        log.debug(remember(format(format, params)));
    }

    @Override
    public void info(String format, Object... params) {
        log.info(remember(format(format, params)));
    }

    @Override
    public void verbose(LogVerboseCategory category, String format, Object... params) {
        log.debug(remember(format(format, params)));
    }

    @Override
    public void warn(String format, Object... params) {
        log.warn(remember(format(format, params)));
    }

    @Override
    public void error(String format, Object... params) {
        log.warn(remember(format(format, params)));
    }

    @Override
    public String errorMessage(String message) {
        return message;
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public boolean isVerboseEnabled() {
        return false;
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
