package io.relata.facts;

import java.util.List;
import java.util.Optional;

/** Looks entities up by the names people use for them. */
public interface EntityDirectory {

    Optional<EntityRef> byLabel(String label);

    List<EntityRef> byAlias(String alias);

    /** Entities whose label or an alias folds to {@code key} (see {@link Labels#key}). */
    List<EntityRef> byKey(String key);

    /** Entities whose folded label has a word starting with one of {@code prefixes}: the pool for fuzzy matching. */
    List<KeyedEntity> withWordPrefixes(List<String> prefixes, int limit);

    /** An entity with its folded label. */
    record KeyedEntity(EntityRef entity, String key) {}
}
