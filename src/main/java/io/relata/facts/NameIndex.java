package io.relata.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the name indexes in step with the names stored, inside the writer's transaction: the words of each new label
 * or alias in entity_word and the spelling variants of words seen for the first time in word_variant.
 */
final class NameIndex {

    private static final int CHUNK = 500;

    private final JdbcTemplate template;

    NameIndex(JdbcTemplate template) {
        this.template = template;
    }

    /** A name to index: an entity and the folded form of its label or of one of its aliases. */
    record Name(long entity, String key) {}

    /** Indexes names of entities: their words and the spelling variants of words not seen before. */
    void add(Collection<Name> names) {
        addVariantsOfNew(addWords(names));
    }

    /** Indexes the words of names of entities, without spelling variants; returns the words. */
    Set<String> addWords(Collection<Name> names) {
        Set<Object> seen = new HashSet<>();
        List<Object[]> postings = new ArrayList<>();
        Set<String> words = new TreeSet<>();
        for (Name name : names) {
            for (String word : NameWords.of(name.key())) {
                if (seen.add(List.of(word, name.entity()))) {
                    postings.add(new Object[] {word, name.entity()});
                    words.add(word);
                }
            }
        }
        if (postings.isEmpty()) {
            return words;
        }
        // one global order (word, entity), so that concurrent writers wait for each other instead of deadlocking
        postings.sort(Comparator.<Object[], String>comparing(p -> (String) p[0]).thenComparing(p -> (Long) p[1]));
        template.batchUpdate("insert into entity_word (word, entity_id) values (?, ?) on conflict do nothing", postings);
        return words;
    }

    /**
     * Drops from the word index the words of a name an entity no longer has ({@code oldKey}, folded) that none of its
     * current names (label and aliases) holds. Spelling variants stay: they name words, not entities.
     */
    void removeUnusedWords(long entity, String oldKey) {
        Set<String> kept = new HashSet<>();
        template.queryForList("select label_key from entity where id = ? union all select alias_key from entity_alias "
                + "where entity_id = ?", String.class, entity, entity).forEach(key -> kept.addAll(NameWords.of(key)));
        List<Object[]> gone = NameWords.of(oldKey).stream().distinct().filter(w -> !kept.contains(w))
                .map(w -> new Object[] {w, entity}).toList();
        if (!gone.isEmpty()) {
            template.batchUpdate("delete from entity_word where word = ? and entity_id = ?", gone);
        }
    }

    /** Adds the spelling variants of those of {@code words} that can be misspelt and have none yet. */
    void addVariantsOfNew(Set<String> words) {
        addVariants(unspelled(words));
    }

    /**
     * The words that can be misspelt and are not in word_variant yet. A stored word has the row (itself, itself), so
     * this reads one index entry per word, however many entities have it.
     */
    private Set<String> unspelled(Set<String> words) {
        List<String> spellable = words.stream().filter(NameWords::spellable).toList();
        Set<String> fresh = new TreeSet<>(spellable);
        for (int i = 0; i < spellable.size(); i += CHUNK) {
            List<String> chunk = spellable.subList(i, Math.min(spellable.size(), i + CHUNK));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            fresh.removeAll(template.queryForList("select variant from word_variant where variant in (" + marks
                    + ") and word = variant", String.class, chunk.toArray()));
        }
        return fresh;
    }

    private void addVariants(Set<String> words) {
        List<Object[]> rows = new ArrayList<>();
        for (String word : words) {
            NameWords.variants(word).forEach(variant -> rows.add(new Object[] {variant, word}));
        }
        rows.sort(Comparator.<Object[], String>comparing(r -> (String) r[0]).thenComparing(r -> (String) r[1]));
        if (!rows.isEmpty()) {
            template.batchUpdate("insert into word_variant (variant, word) values (?, ?) on conflict do nothing", rows);
        }
    }
}
