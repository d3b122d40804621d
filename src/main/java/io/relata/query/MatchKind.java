package io.relata.query;

/** How a mention was matched to an entity. */
public enum MatchKind {
    /** The mention is the entity's label. */
    EXACT,
    /** The mention is the entity's unique key: an IRI, a GEDCOM record's {@code SOURCE:XREF}. */
    KEY,
    /** The mention is one of the entity's aliases. */
    ALIAS,
    /** The mention equals a label or alias once case, accents and punctuation are set aside. */
    FOLDED,
    /** Every word of the mention is a word of the entity's label or of an alias ("Princess Diana"), and of no other entity's. */
    TOKEN,
    /** The mention is close to the label (a typo or two), and no other label is as close. */
    FUZZY,
    /** A structured query named the entity by id. */
    ID
}
