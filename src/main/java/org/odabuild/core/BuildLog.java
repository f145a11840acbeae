package org.odabuild.core;

/** The only way the core talks to the user; Maven's Log is adapted to it in the mojo layer. */
public interface BuildLog {

    void debug(String message);

    void info(String message);

    void warn(String message);

    /** An error from a part that goes on (the daemon client's errors); a goal that fails says why by throwing. */
    default void error(String message) {
        warn(message);
    }

    /** Whether debug lines are shown ({@code -X}), so a chatty source can skip making them. */
    default boolean isDebugEnabled() {
        return false;
    }

    /** A log that drops everything, for callers that only want results. */
    static BuildLog silent() {
        return new BuildLog() {
            @Override
            public void debug(String message) {
            }

            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }
        };
    }
}
