package io.relata.query;

import io.relata.facts.EntityRef;
import java.util.List;

/** A mention that names no entity, or more than one (404); {@code candidates} are the closest labels. */
public class UnknownEntityException extends RuntimeException {

    private final String mention;
    private final List<EntityRef> candidates;
    private final boolean ambiguous;

    public UnknownEntityException(String mention, List<EntityRef> candidates, boolean ambiguous) {
        super(ambiguous
                ? "'" + EntityResolver.shortened(mention) + "' could be any of " + candidates.size()
                        + " entities; ask again with one of the candidates"
                : "no entity is called '" + EntityResolver.shortened(mention) + "'");
        this.mention = mention;
        this.candidates = List.copyOf(candidates);
        this.ambiguous = ambiguous;
    }

    public String mention() {
        return mention;
    }

    public List<EntityRef> candidates() {
        return candidates;
    }

    public boolean ambiguous() {
        return ambiguous;
    }
}
