package io.relata.lexicon;

import java.util.List;

/**
 * A relation phrase read as a phrase the lexicon knows, and how sure that reading is.
 *
 * <p>{@code readings} are the known phrase's, read the way the lexicon reads every phrase: walked from the entity the
 * question names, so that "ANSWER is the PHRASE of ENTITY" (or "ANSWER PHRASE ENTITY" for a verb phrase) holds. A
 * paraphrase therefore carries the direction of the phrase it maps to: one matched to a converse phrase ("films made
 * by" to "films directed by") gets its inverse readings, and {@link #direction()} says so.
 *
 * @param phrase the phrase as asked, normalized (lower case, single spaces, no leading "the")
 * @param knownPhrase the lexicon phrase or relation name it is read as
 * @param similarity how close the two are, in [0,1]: 1 for {@link Basis#KNOWN}, 1 − edits / length for
 *     {@link Basis#SPELLING}, the embeddings' cosine similarity for {@link Basis#MEANING}
 * @param basis why the phrase is read as the known one
 * @param readings the known phrase's readings
 */
public record PhraseMatch(String phrase, String knownPhrase, double similarity, Basis basis, List<Reading> readings) {

    /** Why a phrase is read as a known one. */
    public enum Basis {
        /** It is a lexicon phrase or relation name, singular or plural. */
        KNOWN,
        /** It is one written another way ("grand child", "mother in law") or misspelt ("daugther"). */
        SPELLING,
        /** The embedding model puts it nearest to the known phrase, above the threshold ("hubby", "auntie"). */
        MEANING
    }

    public PhraseMatch {
        readings = List.copyOf(readings);
    }

    /** The direction all readings share (forward for "mother", inverse for "son"), else {@link Direction#MIXED}. */
    public Direction direction() {
        Direction first = readings.isEmpty() ? Direction.MIXED : readings.get(0).direction();
        return readings.stream().allMatch(r -> r.direction() == first) ? first : Direction.MIXED;
    }
}
