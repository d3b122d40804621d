package io.relata.facts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The store's index of how names are spelled, on both stores: the deletion-neighbourhood table word_variant (see H2's
 * migration 4.1) turns each misspelt word of the key into the stored words one edit away from it, and the word index
 * then gives the entities whose names have, for as many words of the key as possible, the word or one of those.
 * Typos are corrected word by word: "tom cruse" finds "tom cruise", "tomcruise" finds nothing. Every step is an
 * equality read of an index, so a name with no known or correctable word costs a few reads at any store size.
 */
@Component
final class WordVariantSpelling {

    /** Stored words taken per misspelt word. */
    private static final int CORRECTIONS_PER_WORD = 50;
    private static final int TIMEOUT_SECONDS = 1;

    private final JdbcClient jdbc;
    private final WordPostings postings;

    WordVariantSpelling(JdbcClient jdbc, WordPostings postings) {
        this.jdbc = jdbc;
        this.postings = postings;
    }

    /** Names (folded labels and aliases) spelled like {@code key}, at most {@code limit} entities. */
    EntityDirectory.NamePool near(String key, int limit) {
        List<String> words = NameWords.of(key);
        Map<String, Set<String>> wordsOfVariant = new HashMap<>();
        for (String word : words) {
            if (NameWords.spellable(word)) {
                NameWords.variants(word).forEach(v -> wordsOfVariant.computeIfAbsent(v, x -> new LinkedHashSet<>()).add(word));
            }
        }
        Map<String, Set<String>> corrections = new HashMap<>();
        if (!wordsOfVariant.isEmpty()) {
            try {
                jdbc.sql("select variant, word from word_variant where variant in (:variants) order by word")
                        .param("variants", new ArrayList<>(wordsOfVariant.keySet()))
                        .withQueryTimeout(TIMEOUT_SECONDS)
                        .query(rs -> {
                            for (String word : wordsOfVariant.get(rs.getString(1))) {
                                Set<String> found = corrections.computeIfAbsent(word, w -> new LinkedHashSet<>());
                                if (found.size() < CORRECTIONS_PER_WORD) {
                                    found.add(rs.getString(2));
                                }
                            }
                        });
            } catch (QueryTimeoutException e) {
                return new EntityDirectory.NamePool(List.of(), false);
            }
        }
        List<Set<String>> slots = new ArrayList<>();
        for (String word : words) {
            Set<String> slot = new LinkedHashSet<>();
            slot.add(word);
            slot.addAll(corrections.getOrDefault(word, Set.of()));
            slots.add(slot);
        }
        return postings.covering(slots, limit);
    }
}
