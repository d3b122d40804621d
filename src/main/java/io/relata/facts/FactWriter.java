package io.relata.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Writes a batch of checked facts in one transaction: all of it is stored, or none. */
@Repository
class FactWriter {

    private static final int CHUNK = 500;
    private static final Comparator<Object[]> FACT_KEY_ORDER = Comparator.<Object[], Long>comparing(row -> (Long) row[0])
            .thenComparing(row -> (String) row[1])
            .thenComparing(row -> (Long) row[2]);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final NameIndex names;

    FactWriter(JdbcClient jdbc, JdbcTemplate template, NameIndex names) {
        this.jdbc = jdbc;
        this.template = template;
        this.names = names;
    }

    /** Counts of one written batch. */
    record Written(int added, int duplicates) {}

    /**
     * Facts must be checked and their labels cleaned; a fact already stored (or twice in the batch) is a duplicate.
     *
     * <p>Rows are inserted in one global order (entities by label, then relations by name, then facts by key), so
     * concurrent batches that share entities or facts wait for each other instead of deadlocking.
     */
    @Transactional
    Written write(List<FactInput> facts, String source) {
        Set<String> labels = new TreeSet<>();
        Set<String> relations = new TreeSet<>();
        for (FactInput fact : facts) {
            labels.add(fact.subject());
            labels.add(fact.object());
            relations.add(fact.relation());
        }
        Map<String, Long> ids = ensureEntities(labels);
        template.batchUpdate("insert into relation (name, origin) values (?, 'facts') on conflict do nothing",
                relations.stream().map(r -> new Object[] {r}).toList());
        int[] counts = template.batchUpdate(
                "insert into fact (subject_id, relation, object_id, source) values (?, ?, ?, ?) on conflict do nothing",
                facts.stream()
                        .map(f -> new Object[] {ids.get(f.subject()), f.relation(), ids.get(f.object()), source})
                        .sorted(FACT_KEY_ORDER)
                        .toList());
        int added = 0;
        for (int count : counts) {
            added += count > 0 ? 1 : 0;
        }
        return new Written(added, facts.size() - added);
    }

    /** Adds an alias to an entity; false if it already had it. */
    @Transactional
    boolean addAlias(long entityId, String alias) {
        String key = Labels.key(alias);
        boolean added = jdbc.sql("insert into entity_alias (entity_id, alias, alias_key) values (?, ?, ?) on conflict do nothing")
                .params(entityId, alias, key).update() == 1;
        if (added) {
            names.add(List.of(new NameIndex.Name(entityId, key)));
        }
        return added;
    }

    private Map<String, Long> ensureEntities(Set<String> labels) {
        List<String> all = new ArrayList<>(labels);
        Map<String, Long> ids = new HashMap<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            ids.putAll(idsOf(chunk));
            List<String> missing = chunk.stream().filter(l -> !ids.containsKey(l)).toList();
            if (!missing.isEmpty()) {
                template.batchUpdate("insert into entity (label, label_key) values (?, ?) on conflict do nothing",
                        missing.stream().map(l -> new Object[] {l, Labels.key(l)}).toList());
                Map<String, Long> created = idsOf(missing);
                ids.putAll(created);
                names.add(created.entrySet().stream()
                        .map(e -> new NameIndex.Name(e.getValue(), Labels.key(e.getKey()))).toList());
            }
        }
        return ids;
    }

    private Map<String, Long> idsOf(List<String> labels) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select id, label from entity where label in (:labels)").param("labels", labels)
                .query(rs -> {
                    ids.put(rs.getString(2), rs.getLong(1));
                });
        return ids;
    }
}
