package io.relata.query;

import io.relata.lexicon.Spelling;

/** String closeness for fuzzy entity matching: 1 − (optimal string alignment distance / longer length). */
final class Similarity {

    private Similarity() {}

    static double of(String a, String b) {
        return Spelling.similarity(a, b);
    }

    /** Edits (insert, delete, substitute, swap two neighbours) that turn a into b. */
    static int distance(String a, String b) {
        return Spelling.distance(a, b, 1);
    }
}
