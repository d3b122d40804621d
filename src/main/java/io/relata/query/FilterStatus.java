package io.relata.query;

/** Whether an answer meets its reading's filter (gender = male for "son"). */
public enum FilterStatus {
    /** The reading has no filter. */
    NONE,
    SATISFIED,
    /** Never returned; kept for completeness of the vocabulary. */
    VIOLATED,
    /** Neither stated nor confidently inferred; the confidence weighs how likely it is met. */
    UNKNOWN
}
