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
        String s = branch.startsWith("feature/") ? branch.substring("feature/".length()) : branch;
        s = PrereleaseSuffix.withoutAccents(s).replaceAll("[^0-9A-Za-z-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("^-+|-+$", "");
        if (s.matches("0\\d+")) {
            s = "b" + s; // a numeric identifier must not start with 0
        }
        if (s.isEmpty()) {
            throw new InvalidInputException("cannot make a prerelease suffix from branch '" + branch + "': pass one"
                    + " with " + Setting.SUFFIX.set("<suffix>"));
        }
        return new PrereleaseSuffix(s);
    }
}
