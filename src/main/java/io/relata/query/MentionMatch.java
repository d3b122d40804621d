package io.relata.query;

import io.relata.facts.EntityRef;
import java.util.List;
import java.util.Optional;

/**
 * What a mention names in the entity directory: one entity, with how it matched and a score in (0, 1] (1 for the
 * label or an alias itself, 0.95 folded, 0.6 to 0.9 for a token match by the share of the name's words the mention
 * gives, the spelling similarity for a fuzzy match); or no entity, and then the candidates, with {@code ambiguous}
 * telling a mention that names several entities from one that names none.
 */
public record MentionMatch(String mention, Optional<ResolvedEntity> entity, double score, List<EntityRef> candidates,
        boolean ambiguous) {

    public MentionMatch {
        candidates = List.copyOf(candidates);
    }

    static MentionMatch of(EntityRef entity, String mention, MatchKind kind, double score) {
        return new MentionMatch(mention, Optional.of(new ResolvedEntity(entity, mention, kind)), score, List.of(), false);
    }

    static MentionMatch none(String mention, List<EntityRef> candidates, boolean ambiguous) {
        return new MentionMatch(mention, Optional.empty(), 0, candidates, ambiguous);
    }

    /** The entity, or the 404 that says which candidates there are. */
    public ResolvedEntity orThrow() {
        return entity.orElseThrow(() -> new UnknownEntityException(mention, candidates, ambiguous));
    }
}
