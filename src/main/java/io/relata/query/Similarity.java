package io.relata.query;

/** String closeness for fuzzy entity matching: 1 − (optimal string alignment distance / longer length). */
final class Similarity {

    private Similarity() {}

    static double of(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        return longer == 0 ? 1.0 : 1.0 - (double) distance(a, b) / longer;
    }

    /** Edits (insert, delete, substitute, swap two neighbours) that turn a into b. */
    static int distance(String a, String b) {
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
                int cost = ai == bj ? 0 : 1;
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
}
