package io.relata.query;

/** Where an answer comes from. */
public enum Evidence {
    /** A stored fact says so. */
    STATED,
    /** The relation model alone. */
    INFERRED
}
