package org.odabuild.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.odabuild.core.BuildLog;

/** A BuildLog that keeps what was said, for assertions; images logging side by side may share it. */
public class RecordingLog implements BuildLog {

    public final List<String> debugs = Collections.synchronizedList(new ArrayList<>());
    public final List<String> infos = Collections.synchronizedList(new ArrayList<>());
    public final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    public final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    /** Whether the log says debug lines are shown, as Maven's does with -X. */
    public volatile boolean debugEnabled;

    @Override
    public void debug(String message) {
        debugs.add(message);
    }

    @Override
    public void info(String message) {
        infos.add(message);
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    @Override
    public void error(String message) {
        errors.add(message);
    }

    @Override
    public boolean isDebugEnabled() {
        return debugEnabled;
    }
}
