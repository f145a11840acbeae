package org.odabuild.core.edit;

import org.odabuild.core.InvalidInputException;
import org.odabuild.core.Setting;
import org.odabuild.core.version.PrereleaseSuffix;

/**
 * The prerelease suffix a branch gets: {@code feature/issue3456} → {@code issue3456}, {@code odaa-42-fix} →
 * {@code odaa-42-fix}; accents are taken off letters ({@code feature/änderung} → {@code anderung}), anything
 * else that is not a letter, digit or '-' becomes '-'. One branch, one suffix.
 */
final class BranchSuffix {

    private BranchSuffix() {
    }

    static PrereleaseSuffix of(String branch) {
        return of(branch, Integer.MAX_VALUE);
    }

    /**
     * The branch's suffix, cut to {@code maxLength} characters when the branch name is longer: a Docker tag holds at
     * most 128, version and '-' included.
     */
    static PrereleaseSuffix of(String branch, int maxLength) {
        String s = branch.startsWith("feature/") ? branch.substring("feature/".length()) : branch;
        s = tidy(PrereleaseSuffix.withoutAccents(s).replaceAll("[^0-9A-Za-z-]+", "-"));
        if (s.length() > maxLength) {
            s = tidy(s.substring(0, maxLength));
        }
        if (s.matches("0\\d+")) {
            s = "b" + s.substring(0, Math.min(s.length(), maxLength - 1)); // a numeric identifier must not start with 0
        }
        if (s.isEmpty()) {
            throw new InvalidInputException("cannot make a prerelease suffix from branch '" + branch + "': pass one"
                    + " with " + Setting.SUFFIX.set("<suffix>"));
        }
        return new PrereleaseSuffix(s);
    }

    private static String tidy(String s) {
        return s.replaceAll("-{2,}", "-").replaceAll("^-+|-+$", "");
    }
}
