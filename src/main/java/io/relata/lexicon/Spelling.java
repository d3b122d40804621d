package io.relata.lexicon;

/** Edit distances between phrases and labels: a misspelt relation phrase ("daugther"), a mistyped entity name. */
public final class Spelling {

    private Spelling() {}

    /**
     * Optimal string alignment distance: insertions, deletions and swaps of two neighbours cost 1, a substitution
     * costs {@code substitutionCost} (2 makes it an insertion plus a deletion, so only the other edits count as one).
     */
    public static int distance(String a, String b, int substitutionCost) {
        // three rows of the dynamic programme: two back for a swap, one back, and the one being filled
        int[] twoBack = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            char ai = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                char bj = b.charAt(j - 1);
                int cost = ai == bj ? 0 : substitutionCost;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ai == b.charAt(j - 2) && a.charAt(i - 2) == bj) {
                    d = Math.min(d, twoBack[j - 2] + 1);
                }
                current[j] = d;
            }
            int[] recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.length()];
    }

    /**
     * Whether {@code typed} reads as a slip of the keyboard for {@code known}: one edit for 4 to 8 letters, two from 9
     * letters on, and in words shorter than 7 letters no substitution ("sitter" is not "sister", "mohter" is "mother").
     * Both are compared without spaces, hyphens and apostrophes.
     */
    static boolean isSlipFor(String typed, String known) {
        int length = typed.length();
        int allowed = length >= 9 ? 2 : length >= 4 ? 1 : 0;
        if (allowed == 0 || Math.abs(length - known.length()) > allowed) {
            return false;
        }
        int edits = distance(typed, known, 1);
        if (edits == 0 || edits > allowed) {
            return false;
        }
        return length >= 7 || distance(typed, known, 2) == edits;
    }

    /** 1 − edits / longer length: 1 for the same text, 0 for nothing in common. */
    public static double similarity(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        return longer == 0 ? 1.0 : 1.0 - (double) distance(a, b, 1) / longer;
    }
}
