package org.odabuild.core.policy;

import org.odabuild.core.resolve.ResolvedImage;

/** A resolved image for tests of other packages. */
public final class TagPolicyTestSupport {

    private TagPolicyTestSupport() {
    }

    public static ResolvedImage image(String version, String suffix) {
        return TagPolicyTest.image(version, suffix);
    }
}
