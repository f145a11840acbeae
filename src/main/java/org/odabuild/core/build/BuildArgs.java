package org.odabuild.core.build;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.core.git.HeadCommit;
import org.odabuild.core.image.Platform;

/** The build args every image gets, as oda-canvas' workflows pass them, plus the user's. */
final class BuildArgs {

    static final String GIT_COMMIT_SHA = "GIT_COMMIT_SHA";
    static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";
    static final String CICD_BUILD_TIME = "CICD_BUILD_TIME";

    /**
     * {@code date -Iseconds} of oda-canvas' workflows, in UTC: {@code 2024-07-30T12:32:02+00:00}. Not Java's
     * {@code ...Z}: the images' Python reads it, and {@code datetime.fromisoformat} before 3.11 refuses a 'Z'.
     */
    private static final DateTimeFormatter DATE_ISECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);

    private BuildArgs() {
    }

    /**
     * The user's build args name none of the plugin's own: a value given there would be dropped for the plugin's
     * (the rules say what these hold), so it is refused rather than ignored; a name is never empty.
     */
    static void requireUsersOwn(Map<String, String> user) {
        for (String name : user.keySet()) {
            if (name.isBlank()) {
                throw new InvalidInputException("a build arg in " + Setting.BUILD_ARGS + " has no name: give it one ("
                        + Setting.BUILD_ARGS + ".NAME=value)");
            }
            String said = switch (name) {
                case GIT_COMMIT_SHA -> "HEAD's commit id, 7 characters";
                case SOURCE_DATE_EPOCH -> "HEAD's commit time in seconds, which also dates the image and its files";
                case CICD_BUILD_TIME -> "the build's start, as date -Iseconds writes it";
                default -> null;
            };
            if (said != null) {
                throw new InvalidInputException("build arg " + name + " in " + Setting.BUILD_ARGS + " is one the"
                        + " plugin sets for every build (" + said + ", as oda-canvas' workflows set it): remove it");
            }
        }
    }

    static Map<String, String> of(HeadCommit head, Instant buildTime, Map<String, String> user) {
        Map<String, String> args = new TreeMap<>(user);
        args.put(GIT_COMMIT_SHA, head.shortId());
        args.put(SOURCE_DATE_EPOCH, Long.toString(head.time().getEpochSecond()));
        args.put(CICD_BUILD_TIME, DATE_ISECONDS.format(buildTime));
        return args;
    }

    /**
     * {@code args} with the platform args that BuildKit (oda-canvas' {@code docker/build-push-action}) gives every
     * build and the classic builder does not: {@code TARGETPLATFORM}, {@code TARGETOS}, {@code TARGETARCH},
     * {@code TARGETVARIANT} and their {@code BUILD*} twins. oda-canvas' kubectl-curl image downloads the kubectl of
     * {@code ARG TARGETPLATFORM=linux/amd64}: without them its arm64 image would hold an amd64 kubectl. An arg the
     * user sets stays theirs.
     */
    static Map<String, String> forPlatform(Map<String, String> args, Platform target, Platform builder) {
        Map<String, String> all = new TreeMap<>();
        put(all, "TARGET", target);
        put(all, "BUILD", builder);
        all.putAll(args);
        return all;
    }

    private static void put(Map<String, String> args, String prefix, Platform platform) {
        args.put(prefix + "PLATFORM", platform.toString());
        args.put(prefix + "OS", platform.os());
        args.put(prefix + "ARCH", platform.architecture());
        args.put(prefix + "VARIANT", platform.variant().orElse(""));
    }
}
