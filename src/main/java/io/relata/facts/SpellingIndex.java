package io.relata.facts;

/** The store's index of how names are spelled: the names that a misspelt one resembles, without reading every name. */
interface SpellingIndex {

    /** Names (folded labels and aliases) spelled like {@code key}, at most {@code limit} entities. */
    EntityDirectory.NamePool near(String key, int limit);
}
