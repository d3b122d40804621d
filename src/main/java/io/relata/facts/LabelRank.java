package io.relata.facts;

/**
 * How good an entity's label is, so that an import replaces a label only with a better one: an IRI's local name is
 * replaced by a label in another language, which is replaced by one in the language asked. A label given outright
 * (plain facts, a GEDCOM name) is never replaced by an import of RDF.
 */
public enum LabelRank {
    /** Made from the key: an IRI's local name, a blank node's label. */
    FROM_KEY,
    /** A label property in a language other than the one asked. */
    OTHER_LANGUAGE,
    /** A label property in the language asked, or with no language tag. */
    ASKED_LANGUAGE,
    /** Given as the entity's name: a plain fact's subject or object, a GEDCOM NAME. */
    GIVEN
}
