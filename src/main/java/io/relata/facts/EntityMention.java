package io.relata.facts;

/**
 * An entity as an import names it at one end of a fact: its key (unique: an IRI, {@code SOURCE:XREF}, or for plain
 * facts the label itself) and the label it is given if the store does not hold it yet.
 */
public record EntityMention(String key, String label) {

    /** A plain entity, keyed by its label, as facts in relata's own formats name them. */
    public static EntityMention ofLabel(String label) {
        return new EntityMention(label, label);
    }
}
