package org.odabuild.core.build;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.odabuild.core.git.HeadCommit;

/** The build args every image gets, as oda-canvas' workflows pass them, plus the user's. */
final class BuildArgs {

    static final String GIT_COMMIT_SHA = "GIT_COMMIT_SHA";
    static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";
    static final String CICD_BUILD_TIME = "CICD_BUILD_TIME";

    private BuildArgs() {
    }

    static Map<String, String> of(HeadCommit head, Instant buildTime, Map<String, String> user) {
        Map<String, String> args = new TreeMap<>(user);
        args.put(GIT_COMMIT_SHA, head.shortId());
        args.put(SOURCE_DATE_EPOCH, Long.toString(head.time().getEpochSecond()));
        args.put(CICD_BUILD_TIME, buildTime.truncatedTo(ChronoUnit.SECONDS).toString());
        return args;
    }
}
