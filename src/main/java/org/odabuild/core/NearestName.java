package org.odabuild.core;

import java.util.Optional;
import java.util.Set;

/** The name meant by a mistyped one: a key of a values file, an architecture in {@code platforms}. */
public final class NearestName {

    /** A name this many edits away from the one asked is offered as the one meant. */
    private static final int MAX_EDITS = 2;

    private NearestName() {
    }

    /** The one key that differs only in case, else the one nearest within {@link #MAX_EDITS} edits (no tie). */
    public static Optional<String> closest(String asked, Set<String> keys) {
        Optional<String> sameLetters = keys.stream().filter(asked::equalsIgnoreCase).findFirst();
        if (sameLetters.isPresent()) {
            return sameLetters;
        }
        String best = null;
        int tooFar = MAX_EDITS + 1;
        int bestEdits = tooFar;
        boolean tie = false;
        for (String key : keys) {
            int edits = edits(asked, key, tooFar);
            if (edits < bestEdits) {
                best = key;
                bestEdits = edits;
                tie = false;
            } else if (edits == bestEdits && edits < tooFar) {
                tie = true;
            }
        }
        // a two-letter key is two edits from any other: offer a guess only where most of the name is kept
        return best == null || tie || bestEdits * 2 >= asked.length() ? Optional.empty() : Optional.of(best);
    }

    /** Levenshtein distance, or {@code limit} as soon as it cannot be less (the keys of a large file stay cheap). */
    private static int edits(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], limit);
    }
}
