package io.relata.facts;

/**
 * An entity as an import names it at one end of a fact: its key (unique: an IRI, {@code SOURCE:XREF}, or for plain
 * facts the label itself), and the label it is given, of the given rank, if the store does not hold it yet.
 */
public record EntityMention(String key, String label, LabelRank rank) {

    /** An entity named by its key, with a stand-in label made from the key (an IRI's local name, a record's key). */
    public EntityMention(String key, String label) {
        this(key, label, LabelRank.FROM_KEY);
    }

    /** A plain entity, keyed by its label, as facts in relata's own formats and attribute values name them. */
    public static EntityMention ofLabel(String label) {
        return new EntityMention(label, label, LabelRank.GIVEN);
    }
}
