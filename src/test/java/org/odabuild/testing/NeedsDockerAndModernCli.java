package org.odabuild.testing;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.opentest4j.TestAbortedException;

/**
 * For jqwik properties that build with the daemon and a docker CLI of version 23 or later: skipped without them as
 * {@link LocalDocker} skips a JUnit test (jqwik counts a property aborted inside as an error), failing on CI.
 */
public final class NeedsDockerAndModernCli implements SkipExecutionHook {

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        try {
            LocalDocker.host();
            LocalDocker.modernCli();
            return SkipResult.doNotSkip();
        } catch (TestAbortedException e) {
            return SkipResult.skip(e.getMessage());
        }
    }
}
