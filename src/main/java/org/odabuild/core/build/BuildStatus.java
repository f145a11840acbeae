package org.odabuild.core.build;

import com.google.gson.annotations.SerializedName;
import java.util.Locale;

/** What became of one image in a build ({@code status} of {@code build.json}). */
public enum BuildStatus {
    /** Built (and tested) in the daemon, not pushed. */
    @SerializedName("built") BUILT,
    /** Built and pushed; {@code digest} is the registry's. */
    @SerializedName("pushed") PUSHED,
    /** The registry holds the tag from the same sources: nothing was built. */
    @SerializedName("up-to-date") UP_TO_DATE,
    /** A release the registry holds from this very commit (a re-run job): nothing was built. */
    @SerializedName("already-published") ALREADY_PUBLISHED,
    /** Its build, test or push failed; {@code error} says why. */
    @SerializedName("failed") FAILED,
    /** Not built: no daemon for a local preview, or another image failed first; {@code error} says which. */
    @SerializedName("not-built") NOT_BUILT;

    /** As build.json writes it, e.g. {@code up-to-date}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return id();
    }
}
