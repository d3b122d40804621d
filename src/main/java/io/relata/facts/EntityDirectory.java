package io.relata.facts;

import java.util.List;
import java.util.Optional;

/** Looks entities up by their keys and by the names people use for them: exactly, word by word, and by spelling. */
public interface EntityDirectory {

    /** The entity whose unique key this is (an IRI, {@code royal:I1}, or a plain entity's label). */
    Optional<EntityRef> byEntityKey(String key);

    /** The entities with exactly this label, at most {@code limit}, by id; more than one when people share a name. */
    List<EntityRef> byLabel(String label, int limit);

    List<EntityRef> byAlias(String alias);

    /** Entities whose label or an alias folds to {@code key} (see {@link Labels#key}). */
    List<EntityRef> byKey(String key);

    /**
     * The pool for token-wise matching: entities one of whose names (label or alias) has one of {@code words} (folded,
     * see {@link NameWords}), those with the most of the words first, at most {@code limit} entities, with all their
     * names. The pool is {@link NamePool#complete() complete} when every entity whose names hold all the words is in
     * it; it is not when each of the words is shared by so many entities that the index was read only in part.
     */
    NamePool withWords(List<String> words, int limit);

    /** The pool for fuzzy matching: names spelled like {@code key} (a typo or two), through the store's spelling index. */
    NamePool spelledLike(String key, int limit);

    /** One name of an entity, folded: its label's key or an alias's key. */
    record KeyedEntity(EntityRef entity, String key) {}

    /** Names found for a lookup, and whether every entity that fully matches is among them. */
    record NamePool(List<KeyedEntity> names, boolean complete) {

        public static final NamePool EMPTY = new NamePool(List.of(), true);

        public NamePool {
            names = List.copyOf(names);
        }
    }
}
