package org.odabuild.core;

import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The knobs a user sets, as the core's messages name them without knowing how a front end spells them: a message
 * says {@code "... " + Setting.SINCE} or {@code Setting.SINCE.set("<ref>")}, and the edge renders these marks: the
 * Maven layer as {@code oda.since} and {@code -Doda.since=<ref>} ({@link #render}), the JSON reports as the plain
 * {@code oda.since} and {@code oda.since=<ref>} ({@link #plain}).
 */
public enum Setting {
    CONFIG, REPOSITORY_ROOT, IMAGES, IMAGE_REPOSITORY, BRANCH, RELEASE_BRANCHES, SINCE, INCLUDE_UNCOMMITTED, FORCE,
    LINT, SUFFIX, PUSH, LATEST_TAG, BUILD_ARGS, INDEX, THREADS, TEST_TIMEOUT, DOCKER_HOST, INSECURE_REGISTRIES,
    REGISTRY_TIMEOUT, ALLOW_SUFFIX_TAKEOVER;

    private static final Pattern MARK = Pattern.compile("\\{oda-setting:([A-Za-z]+)(?:=([^}]*))?}");

    /** The parameter name, e.g. {@code repositoryRoot}: the POM's {@code <repositoryRoot>}. */
    public String parameter() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return b.toString();
    }

    /** The product's name of the setting, as the README's tables and the reports write it: {@code oda.since}. */
    public String property() {
        return "oda." + parameter();
    }

    /** A mention of the setting in a message. */
    @Override
    public String toString() {
        return "{oda-setting:" + parameter() + "}";
    }

    /** The setting given a value, as a message suggests: rendered e.g. as {@code -Doda.since=<ref>}. */
    public String set(String value) {
        return "{oda-setting:" + parameter() + "=" + value + "}";
    }

    /**
     * Replaces the marks of a message: {@code named} renders a mention, {@code assigned} a suggested value.
     */
    public static String render(String message, Function<Setting, String> named,
            BiFunction<Setting, String, String> assigned) {
        if (message == null || !message.contains("{oda-setting:")) {
            return message;
        }
        Matcher m = MARK.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Setting s = byParameter(m.group(1));
            String text = s == null ? m.group() : m.group(2) == null ? named.apply(s) : assigned.apply(s, m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Front-end neutral: {@code oda.since} and {@code oda.since=<ref>}, as the JSON reports say it. */
    public static String plain(String message) {
        return render(message, Setting::property, (s, v) -> s.property() + "=" + v);
    }

    private static Setting byParameter(String parameter) {
        for (Setting s : values()) {
            if (s.parameter().equals(parameter)) {
                return s;
            }
        }
        return null;
    }
}
