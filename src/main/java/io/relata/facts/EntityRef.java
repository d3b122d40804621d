package io.relata.facts;

/**
 * An entity as it is shown to users: its id, its unique key, its label (which need not be unique) and, when there is
 * one, the short description that tells it from others of the same label (else null).
 */
public record EntityRef(long id, String key, String label, String description) {

    /** A plain entity: keyed by its label, with no description. */
    public static EntityRef plain(long id, String label) {
        return new EntityRef(id, label, label, null);
    }
}
