package org.odabuild.core.git;

import java.util.Optional;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;

/**
 * A clone made with {@code git clone --filter=...} (GitHub's {@code actions/checkout} with {@code filter}): the
 * objects it left out are fetched on demand, which only the git executable does. JGit reads such a clone until it
 * needs one of them, and then knows only that an object is missing: this says why, and what helps.
 */
final class PartialClone {

    private PartialClone() {
    }

    /**
     * The remedy for {@code failure} when it is an object left out of a partial clone; empty for any other failure
     * (a missing object in a full clone is a broken repository, for which git's own message is the right one).
     */
    static Optional<String> remedy(Exception failure, Config config, boolean gitInstalled) {
        Optional<String> promisor = promisorRemote(config);
        if (!missingObject(failure) || promisor.isEmpty()) {
            return Optional.empty();
        }
        String cloned = "this is a partial clone (objects that git clone --filter left out are fetched from "
                + promisor.get() + " when needed)";
        return Optional.of(gitInstalled
                ? cloned + " and git could not fetch this one: check the network and the credentials for "
                        + promisor.get() + ", or clone without --filter"
                : cloned + " and only the git executable fetches them, which is not on the PATH: install git, or"
                        + " clone without --filter (actions/checkout: leave filter unset)");
    }

    /** The remote a partial clone fetches missing objects from ({@code extensions.partialClone}, else one marked so). */
    private static Optional<String> promisorRemote(Config config) {
        String named = config.getString(ConfigConstants.CONFIG_EXTENSIONS_SECTION, null, "partialclone");
        if (named != null && !named.isBlank()) {
            return Optional.of(named.trim());
        }
        return config.getSubsections(ConfigConstants.CONFIG_REMOTE_SECTION).stream()
                .filter(remote -> config.getBoolean(ConfigConstants.CONFIG_REMOTE_SECTION, remote, "promisor", false))
                .findFirst();
    }

    private static boolean missingObject(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MissingObjectException) {
                return true;
            }
        }
        return false;
    }
}
