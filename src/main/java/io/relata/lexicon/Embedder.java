package io.relata.lexicon;

/** A sentence-embedding model as the paraphrase matcher uses it: text to a vector, and which words it knows whole. */
interface Embedder {

    /** The embedding of a text; any length, any scale (the matcher normalises it). */
    float[] embed(String text);

    /** Whether the model's vocabulary holds this lower-case word as one token, i.e. it is a word and not a misspelling. */
    boolean knowsWord(String word);

    /** What the model is, for log lines. */
    String name();
}
