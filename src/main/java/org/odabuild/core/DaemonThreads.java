package org.odabuild.core;

import java.util.concurrent.ThreadFactory;

/**
 * Threads that never keep Maven's JVM alive after a goal (a pool a failure left running must not hang the build):
 * daemon threads, named for what they do so a thread dump tells.
 */
public record DaemonThreads(String name) implements ThreadFactory {

    @Override
    public Thread newThread(Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }
}
