package io.relata.facts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a batch of checked facts and entity namings in one transaction: all of it is stored, or none. Entities are
 * found by key and created on first mention; a naming replaces a label only with one at least as good (see
 * {@link LabelRank}), and a replaced label that was a real name stays as an alias.
 */
@Repository
class FactWriter {

    private static final int CHUNK = 500;
    static final String PARENT = "parent";
    private static final String GENDER = "gender";
    private static final Map<String, String> PARENT_BY_GENDER = Map.of("male", "father", "female", "mother");
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

    /** An entity as stored: its id, label and the label's rank. */
    private record Stored(long id, String label, LabelRank rank) {}

    /**
     * Facts and namings must be checked and cleaned; a fact already stored (or twice in the batch) is a duplicate.
     *
     * <p>Rows are inserted in one global order (entities by key, then relations by name, then facts by key), so
     * concurrent batches that share entities or facts wait for each other instead of deadlocking.
     */
    @Transactional
    Written write(List<KeyedFact> facts, List<EntityNaming> namings, String source) {
        Names newNames = new Names();
        Map<String, Stored> entities = ensureEntities(mentions(facts, namings), descriptions(namings), newNames);
        applyNamings(namings, entities, newNames);
        names.add(newNames.names);
        facts = parentsByGender(facts, entities);
        Set<String> relations = new TreeSet<>();
        facts.forEach(f -> relations.add(f.relation()));
        template.batchUpdate("insert into relation (name, origin) values (?, 'facts') on conflict do nothing",
                relations.stream().map(r -> new Object[] {r}).toList());
        int[] counts = template.batchUpdate(
                "insert into fact (subject_id, relation, object_id, source) values (?, ?, ?, ?) on conflict do nothing",
                facts.stream()
                        .map(f -> new Object[] {entities.get(f.subject().key()).id(), f.relation(),
                            entities.get(f.object().key()).id(), source})
                        .sorted(FACT_KEY_ORDER)
                        .toList());
        int added = 0;
        for (int count : counts) {
            added += count > 0 ? 1 : 0;
        }
        return new Written(added, facts.size() - added);
    }

    /**
     * A {@value #PARENT} fact (a source that says "child" without saying which parent: Wikidata P40, schema:children)
     * becomes the child's mother or father fact when the parent's gender is stated, in the store or in the batch.
     * What is left is turned once the import has read everything, by {@link #resolveParents()}.
     */
    private List<KeyedFact> parentsByGender(List<KeyedFact> facts, Map<String, Stored> entities) {
        Set<Long> parents = new HashSet<>();
        facts.stream().filter(f -> PARENT.equals(f.relation())).forEach(f -> parents.add(entities.get(f.object().key()).id()));
        if (parents.isEmpty()) {
            return facts;
        }
        Map<Long, String> genders = new HashMap<>();
        for (KeyedFact fact : facts) {
            if (GENDER.equals(fact.relation())) {
                genders.put(entities.get(fact.subject().key()).id(), fact.object().key());
            }
        }
        List<Long> ids = new ArrayList<>(parents);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            jdbc.sql("select f.subject_id, e.entity_key from fact f join entity e on e.id = f.object_id "
                            + "where f.relation = 'gender' and f.subject_id in (:ids)")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
                    .query(rs -> {
                        genders.putIfAbsent(rs.getLong(1), rs.getString(2));
                    });
        }
        List<KeyedFact> resolved = new ArrayList<>(facts.size());
        for (KeyedFact fact : facts) {
            String gender = PARENT.equals(fact.relation()) ? genders.get(entities.get(fact.object().key()).id()) : null;
            String role = gender == null ? null : PARENT_BY_GENDER.get(gender);
            resolved.add(role == null ? fact : new KeyedFact(fact.subject(), role, fact.object()));
        }
        return resolved;
    }

    /**
     * Turns every stored {@value #PARENT} fact whose parent now has a stated gender into the mother or father fact;
     * returns how many were turned. Run at the end of an import, in one transaction.
     */
    @Transactional
    int resolveParents() {
        int turned = 0;
        for (Map.Entry<String, String> role : PARENT_BY_GENDER.entrySet()) {
            String parentOfGender = "select p.id from fact p join fact g on g.subject_id = p.object_id and g.relation = 'gender' "
                    + "join entity v on v.id = g.object_id where p.relation = 'parent' and v.entity_key = ?";
            template.update("insert into relation (name, origin) values (?, 'facts') on conflict do nothing", role.getValue());
            template.update("insert into fact (subject_id, relation, object_id, source) "
                            + "select p.subject_id, ?, p.object_id, p.source from fact p where p.id in (" + parentOfGender + ") "
                            + "and not exists (select 1 from fact x where x.subject_id = p.subject_id and x.relation = ? "
                            + "and x.object_id = p.object_id)",
                    role.getValue(), role.getKey(), role.getValue());
            turned += template.update("delete from fact where id in (" + parentOfGender + ")", role.getKey());
        }
        return turned;
    }

    /** Adds an alias to an entity; false if it already had it. */
    @Transactional
    boolean addAlias(long entityId, String alias) {
        Names newNames = new Names();
        boolean added = addAliases(List.of(new AliasRow(entityId, new Alias(alias, null))), Map.of(), newNames) == 1;
        names.add(newNames.names);
        return added;
    }

    /**
     * What one write adds to the name index, gathered so that the index is written once per batch (a person's alias
     * "Adelaide von Habsburg" then adds only the word "von" beside her label's words), and the entities it created.
     */
    private static final class Names {
        final List<NameIndex.Name> names = new ArrayList<>();
        final Set<Long> created = new HashSet<>();

        void add(long entity, String name) {
            names.add(new NameIndex.Name(entity, Labels.key(name)));
        }
    }

    /** The description each naming of the batch gives, the last one for a key. */
    private static Map<String, String> descriptions(List<EntityNaming> namings) {
        Map<String, String> byKey = new HashMap<>();
        namings.stream().filter(n -> n.description() != null).forEach(n -> byKey.put(n.key(), n.description()));
        return byKey;
    }

    /**
     * Every entity the batch names, by key, with the label it gets if it is new: the best label a naming in the batch
     * gives it, else the label its first mention gives.
     */
    private static Map<String, EntityMention> mentions(List<KeyedFact> facts, List<EntityNaming> namings) {
        Map<String, EntityMention> byKey = new TreeMap<>();
        for (KeyedFact fact : facts) {
            byKey.putIfAbsent(fact.subject().key(), fact.subject());
            byKey.putIfAbsent(fact.object().key(), fact.object());
        }
        for (EntityNaming naming : namings) {
            EntityMention known = byKey.get(naming.key());
            if (naming.label() != null && (known == null || naming.rank().compareTo(known.rank()) >= 0)) {
                byKey.put(naming.key(), new EntityMention(naming.key(), naming.label(), naming.rank()));
            } else if (known == null) {
                byKey.put(naming.key(), new EntityMention(naming.key(), naming.key(), LabelRank.FROM_KEY));
            }
        }
        return byKey;
    }

    /** The batch's entities by key, creating those the store lacks with their label and description. */
    private Map<String, Stored> ensureEntities(Map<String, EntityMention> mentions, Map<String, String> descriptions,
            Names newNames) {
        List<String> keys = new ArrayList<>(mentions.keySet());
        Map<String, Stored> stored = new HashMap<>();
        for (int i = 0; i < keys.size(); i += CHUNK) {
            List<String> chunk = keys.subList(i, Math.min(keys.size(), i + CHUNK));
            stored.putAll(storedByKey(chunk));
            List<EntityMention> missing = chunk.stream().filter(k -> !stored.containsKey(k)).map(mentions::get).toList();
            if (!missing.isEmpty()) {
                template.batchUpdate("insert into entity (entity_key, label, label_key, label_rank, description) "
                                + "values (?, ?, ?, ?, ?) on conflict do nothing",
                        missing.stream().map(m -> new Object[] {m.key(), m.label(), Labels.key(m.label()), m.rank().ordinal(),
                            descriptions.get(m.key())}).toList());
                Map<String, Stored> created = storedByKey(missing.stream().map(EntityMention::key).toList());
                stored.putAll(created);
                created.values().forEach(s -> {
                    newNames.created.add(s.id());
                    newNames.add(s.id(), s.label());
                });
            }
        }
        return stored;
    }

    private Map<String, Stored> storedByKey(List<String> keys) {
        Map<String, Stored> found = new HashMap<>();
        jdbc.sql("select id, entity_key, label, label_rank from entity where entity_key in (:keys)").param("keys", keys)
                .query(rs -> {
                    found.put(rs.getString(2), new Stored(rs.getLong(1), rs.getString(3), LabelRank.values()[rs.getInt(4)]));
                });
        return found;
    }

    private record AliasRow(long entity, Alias alias) {}

    /** Labels upgraded, descriptions set, aliases added, as the namings say; the name index follows. */
    private void applyNamings(List<EntityNaming> namings, Map<String, Stored> entities, Names newNames) {
        if (namings.isEmpty()) {
            return;
        }
        Map<Long, Stored> relabelled = new LinkedHashMap<>();
        Map<Long, String> descriptions = new TreeMap<>();
        List<AliasRow> aliases = new ArrayList<>();
        for (EntityNaming naming : namings) {
            Stored entity = entities.get(naming.key());
            Stored current = relabelled.getOrDefault(entity.id(), entity);
            if (naming.label() != null && !naming.label().equals(current.label())
                    && naming.rank().compareTo(current.rank()) >= 0) {
                if (current.rank() != LabelRank.FROM_KEY) {
                    aliases.add(new AliasRow(entity.id(), new Alias(current.label(), null)));
                }
                relabelled.put(entity.id(), new Stored(entity.id(), naming.label(), naming.rank()));
            }
            if (naming.description() != null && !newNames.created.contains(entity.id())) {
                descriptions.put(entity.id(), naming.description());
            }
            naming.aliases().forEach(alias -> aliases.add(new AliasRow(entity.id(), alias)));
        }
        relabel(entities, relabelled, newNames);
        if (!descriptions.isEmpty()) {
            template.batchUpdate("update entity set description = ? where id = ? and (description is null or description <> ?)",
                    descriptions.entrySet().stream().map(e -> new Object[] {e.getValue(), e.getKey(), e.getValue()}).toList());
        }
        Map<Long, String> labels = new HashMap<>();
        entities.values().forEach(s -> labels.put(s.id(), s.label()));
        relabelled.values().forEach(s -> labels.put(s.id(), s.label()));
        addAliases(aliases, labels, newNames);
    }

    /** Stores the new labels, indexes their words, and drops the words of replaced labels no other name has. */
    private void relabel(Map<String, Stored> entities, Map<Long, Stored> relabelled, Names newNames) {
        if (relabelled.isEmpty()) {
            return;
        }
        Map<Long, Stored> before = new HashMap<>();
        entities.values().forEach(s -> before.put(s.id(), s));
        template.batchUpdate("update entity set label = ?, label_key = ?, label_rank = ? where id = ?",
                relabelled.values().stream().sorted(Comparator.comparingLong(Stored::id))
                        .map(s -> new Object[] {s.label(), Labels.key(s.label()), s.rank().ordinal(), s.id()}).toList());
        relabelled.values().forEach(s -> newNames.add(s.id(), s.label()));
        for (Stored now : relabelled.values()) {
            Stored old = before.get(now.id());
            if (old.rank() == LabelRank.FROM_KEY) {
                names.removeUnusedWords(now.id(), Labels.key(old.label()));
            }
        }
    }

    /** Inserts aliases not held yet (an alias equal to the entity's label is none); returns how many were new. */
    private int addAliases(List<AliasRow> aliases, Map<Long, String> labels, Names newNames) {
        Set<List<Object>> seen = new HashSet<>();
        List<AliasRow> rows = aliases.stream()
                .filter(a -> !a.alias().name().equals(labels.get(a.entity())))
                .filter(a -> seen.add(List.of(a.entity(), a.alias().name())))
                .sorted(Comparator.comparingLong(AliasRow::entity).thenComparing(a -> a.alias().name()))
                .toList();
        if (rows.isEmpty()) {
            return 0;
        }
        int[] counts = template.batchUpdate(
                "insert into entity_alias (entity_id, alias, alias_key, lang) values (?, ?, ?, ?) on conflict do nothing",
                rows.stream().map(a -> new Object[] {a.entity(), a.alias().name(), Labels.key(a.alias().name()),
                    a.alias().lang()}).toList());
        int added = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                newNames.add(rows.get(i).entity(), rows.get(i).alias().name());
                added++;
            }
        }
        return added;
    }
}
