package io.relata.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the word index (entity_word): the entities whose names have given words, in bounded work. Each word's
 * entities are read up to {@value #PER_WORD}; a word shared by more is frequent and read only in part.
 */
@Repository
class WordPostings {

    static final int PER_WORD = 2000;
    /** Words read per statement. */
    private static final int WORDS_PER_QUERY = 16;
    private static final int ID_CHUNK = 500;
    private static final int TIMEOUT_SECONDS = 1;

    private final JdbcClient jdbc;

    WordPostings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Entities that have, for as many slots as possible, one of the slot's words in a name: one slot per word of a
     * mention, holding that word (token matching) or the words it may be a misspelling of (fuzzy matching). At most
     * {@code limit} entities, those covering the most slots first (slots read in full before the others), with all
     * their names. Complete when some slot's
     * words are all read in full, so that every entity covering all slots was seen.
     */
    EntityDirectory.NamePool covering(List<Set<String>> slots, int limit) {
        Set<String> words = new LinkedHashSet<>();
        slots.forEach(words::addAll);
        if (words.isEmpty()) {
            return EntityDirectory.NamePool.EMPTY;
        }
        Map<String, List<Long>> postings;
        try {
            postings = postings(words);
        } catch (QueryTimeoutException e) {
            return new EntityDirectory.NamePool(List.of(), false);
        }
        // slots read in full count first: an entity in them is known to cover them, while a frequent word's entities
        // were read only in part, so an entity missing from its list may still have the word
        Map<Long, int[]> covered = new HashMap<>();
        boolean complete = false;
        for (Set<String> slot : slots) {
            Set<Long> entities = new HashSet<>();
            boolean readInFull = true;
            for (String word : slot) {
                List<Long> ids = postings.getOrDefault(word, List.of());
                readInFull &= ids.size() <= PER_WORD;
                entities.addAll(ids);
            }
            complete |= readInFull && !slot.isEmpty();
            for (Long id : entities) {
                int[] counts = covered.computeIfAbsent(id, x -> new int[2]);
                counts[readInFull ? 0 : 1]++;
            }
        }
        List<Long> ranked = covered.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Long, int[]>>comparingInt(e -> -e.getValue()[0])
                        .thenComparingInt(e -> -e.getValue()[1])
                        .thenComparingLong(Map.Entry::getKey))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
        return new EntityDirectory.NamePool(names(ranked), complete);
    }

    /** The entities of each word, in id order, up to PER_WORD + 1 (one more says the word is frequent). */
    private Map<String, List<Long>> postings(Collection<String> words) {
        Map<String, List<Long>> postings = new HashMap<>();
        List<String> all = new ArrayList<>(words);
        for (int from = 0; from < all.size(); from += WORDS_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + WORDS_PER_QUERY));
            List<String> selects = new ArrayList<>();
            Map<String, Object> params = new HashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                selects.add("(select word, entity_id from entity_word where word = :w" + i
                        + " order by entity_id limit " + (PER_WORD + 1) + ")");
                params.put("w" + i, chunk.get(i));
            }
            jdbc.sql(String.join(" union all ", selects)).params(params).withQueryTimeout(TIMEOUT_SECONDS)
                    .query(rs -> {
                        postings.computeIfAbsent(rs.getString(1), w -> new ArrayList<>()).add(rs.getLong(2));
                    });
        }
        return postings;
    }

    /** Every name (label, then aliases) of the entities, in the order given. */
    List<EntityDirectory.KeyedEntity> names(List<Long> entities) {
        Map<Long, List<EntityDirectory.KeyedEntity>> byEntity = new LinkedHashMap<>();
        Map<Long, EntityRef> refs = new HashMap<>();
        entities.forEach(id -> byEntity.put(id, new ArrayList<>()));
        for (int from = 0; from < entities.size(); from += ID_CHUNK) {
            List<Long> chunk = entities.subList(from, Math.min(entities.size(), from + ID_CHUNK));
            jdbc.sql("select id, entity_key, label, description, label_key from entity where id in (:ids)").param("ids", chunk)
                    .withQueryTimeout(TIMEOUT_SECONDS)
                    .query(rs -> {
                        EntityRef ref = EntityRefs.read(rs);
                        refs.put(ref.id(), ref);
                        byEntity.get(ref.id()).add(new EntityDirectory.KeyedEntity(ref, rs.getString(5)));
                    });
            jdbc.sql("select entity_id, alias_key from entity_alias where entity_id in (:ids) order by id").param("ids", chunk)
                    .withQueryTimeout(TIMEOUT_SECONDS)
                    .query(rs -> {
                        EntityRef ref = refs.get(rs.getLong(1));
                        if (ref != null) {
                            byEntity.get(ref.id()).add(new EntityDirectory.KeyedEntity(ref, rs.getString(2)));
                        }
                    });
        }
        return byEntity.values().stream().flatMap(List::stream).toList();
    }
}
