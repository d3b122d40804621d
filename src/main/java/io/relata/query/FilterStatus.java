package io.relata.query;

/** Whether an answer meets its reading's filter (gender = male for "son"), and how that is known. */
public enum FilterStatus {
    /** The reading has no filter. */
    NONE,
    /** A stated fact satisfies it. */
    SATISFIED,
    /** The model guessed the attribute; the guessed probability is folded into the confidence. */
    GUESSED,
    /** Neither stated nor guessed; the confidence is weighed by how often the attribute has that value. */
    UNKNOWN,
    /** A stated fact contradicts it: such an answer is never returned. */
    VIOLATED
}
