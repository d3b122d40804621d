package io.relata.query;

/** Where an answer comes from. */
public enum Evidence {
    /** A stored fact says so. */
    STATED,
    /** Stored facts imply it through a composition the lexicon declares (siblings through a shared parent). */
    DERIVED,
    /** The relation model alone. */
    INFERRED
}
