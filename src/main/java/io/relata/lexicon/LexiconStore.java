package io.relata.lexicon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Relations and phrase readings as stored in the database. A built-in relation or reading that a user deletes stays as
 * a row of origin {@value #REMOVED}, so that the seeding at start does not bring it back; restoring the defaults
 * revives it. A removed relation that facts name again is shown as a relation of those facts.
 */
@Repository
class LexiconStore {

    static final String BUILTIN = "builtin";
    static final String USER = "user";
    static final String REMOVED = "removed";

    private static final String VISIBLE_RELATIONS = """
            select name, is_symmetric, description,
                   case when origin = 'removed' then 'facts' else origin end as origin
            from relation r
            where (origin <> 'removed' or exists (select 1 from fact f where f.relation = r.name))""";

    private static final RowMapper<RelationInfo> RELATION = (rs, i) -> new RelationInfo(
            rs.getString("name"), rs.getBoolean("is_symmetric"), rs.getString("description"), rs.getString("origin"));

    private final JdbcClient jdbc;

    LexiconStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored reading with the id that deletes it. */
    record StoredReading(long id, String phrase, Reading reading, String origin) {}

    List<RelationInfo> relations() {
        return jdbc.sql(VISIBLE_RELATIONS + " order by name").query(RELATION).list();
    }

    Optional<RelationInfo> relation(String name) {
        return jdbc.sql(VISIBLE_RELATIONS + " and name = ?").param(name).query(RELATION).optional();
    }

    /** Every stored relation by name and origin, removed ones too. */
    Map<String, RelationInfo> allRelations() {
        Map<String, RelationInfo> all = new LinkedHashMap<>();
        jdbc.sql("select name, is_symmetric, description, origin from relation").query(RELATION).list()
                .forEach(r -> all.put(r.name(), r));
        return all;
    }

    /** Adds the relation, or changes its symmetry and description when a user declares it. */
    void saveRelation(RelationInfo relation) {
        int updated = jdbc.sql("update relation set is_symmetric = ?, description = coalesce(?, description), origin = ? where name = ?")
                .params(relation.symmetric(), relation.description(), relation.origin(), relation.name())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into relation (name, is_symmetric, description, origin) values (?, ?, ?, ?) on conflict do nothing")
                    .params(relation.name(), relation.symmetric(), relation.description(), relation.origin())
                    .update();
        }
    }

    /** Puts a built-in relation back as shipped: its symmetry and description, and origin builtin. */
    void restoreRelation(RelationInfo builtin) {
        int updated = jdbc.sql("update relation set is_symmetric = ?, description = ?, origin = ? where name = ?")
                .params(builtin.symmetric(), builtin.description(), BUILTIN, builtin.name())
                .update();
        if (updated == 0) {
            saveRelation(builtin);
        }
    }

    boolean factsUse(String relation) {
        return jdbc.sql("select 1 from fact where relation = ? limit 1").param(relation).query(Integer.class).optional().isPresent();
    }

    /** Removes a relation's row; a built-in one stays as a removed row. */
    void removeRelation(RelationInfo relation) {
        if (BUILTIN.equals(relation.origin())) {
            jdbc.sql("update relation set origin = 'removed' where name = ?").param(relation.name()).update();
        } else {
            jdbc.sql("delete from relation where name = ?").param(relation.name()).update();
        }
    }

    /**
     * Adds a reading unless the phrase already has exactly this one; says whether it was new. A user adding a built-in
     * reading that was removed brings it back; seeding ({@code origin} builtin) never does.
     */
    boolean addReading(String phrase, Reading reading, String origin) {
        String path = encode(reading.path());
        String attribute = reading.filter().map(AnswerFilter::attribute).orElse("");
        String value = reading.filter().map(AnswerFilter::value).orElse("");
        if (!BUILTIN.equals(origin) && jdbc.sql("""
                        update phrase_reading set origin = 'builtin'
                        where phrase = ? and path = ? and filter_attribute = ? and filter_value = ? and origin = 'removed'""")
                .params(phrase, path, attribute, value).update() == 1) {
            return true;
        }
        return jdbc.sql("""
                        insert into phrase_reading (phrase, path, filter_attribute, filter_value, origin)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(phrase, path, attribute, value, origin)
                .update() == 1;
    }

    /** The readings in force, by phrase, in the order they were added. */
    Map<String, List<Reading>> readings() {
        Map<String, List<Reading>> byPhrase = new LinkedHashMap<>();
        for (StoredReading r : stored("where origin <> 'removed'")) {
            byPhrase.computeIfAbsent(r.phrase(), p -> new ArrayList<>()).add(r.reading());
        }
        return byPhrase;
    }

    /** Adds a derivation of a relation unless it has exactly this one; says whether it was new. */
    boolean addDerivation(String relation, List<Step> path, String origin) {
        return jdbc.sql("insert into relation_derivation (relation, path, origin) values (?, ?, ?) on conflict do nothing")
                .params(relation, encode(path), origin)
                .update() == 1;
    }

    /** Deletes the derivations of a relation and those that walk it; the built-in ones come back with the defaults. */
    int deleteDerivations(String relation) {
        int deleted = jdbc.sql("delete from relation_derivation where relation = ?").param(relation).update();
        for (Map.Entry<String, List<List<Step>>> derived : derivations().entrySet()) {
            for (List<Step> path : derived.getValue()) {
                if (path.stream().anyMatch(step -> step.relation().equals(relation))) {
                    deleted += jdbc.sql("delete from relation_derivation where relation = ? and path = ?")
                            .params(derived.getKey(), encode(path)).update();
                }
            }
        }
        return deleted;
    }

    /** The built-in phrases that were deleted and have no reading in force. */
    List<String> removedPhrases() {
        return jdbc.sql("""
                select distinct phrase from phrase_reading where origin = 'removed'
                and phrase not in (select phrase from phrase_reading where origin <> 'removed')""")
                .query(String.class).list();
    }

    /** Every derivation, by relation. */
    Map<String, List<List<Step>>> derivations() {
        Map<String, List<List<Step>>> byRelation = new LinkedHashMap<>();
        jdbc.sql("select relation, path from relation_derivation order by relation, id")
                .query(rs -> {
                    byRelation.computeIfAbsent(rs.getString("relation"), r -> new ArrayList<>()).add(decode(rs.getString("path")));
                });
        return byRelation;
    }

    /** The readings in force of one phrase, with their ids. */
    List<StoredReading> readingsOf(String phrase) {
        return jdbc.sql(SELECT_READINGS + " where phrase = ? and origin <> 'removed' order by id")
                .param(phrase).query(STORED_READING).list();
    }

    /** Every reading in force, with its id. */
    List<StoredReading> allReadings() {
        return stored("where origin <> 'removed'");
    }

    int phraseCount() {
        return jdbc.sql("select count(distinct phrase) from phrase_reading where origin <> 'removed'")
                .query(Integer.class).single();
    }

    /** Removes readings by id; built-in ones stay as removed rows. Returns how many were in force. */
    int removeReadings(List<StoredReading> readings) {
        int removed = 0;
        for (StoredReading r : readings) {
            removed += BUILTIN.equals(r.origin())
                    ? jdbc.sql("update phrase_reading set origin = 'removed' where id = ? and origin = 'builtin'").param(r.id()).update()
                    : jdbc.sql("delete from phrase_reading where id = ? and origin <> 'removed'").param(r.id()).update();
        }
        return removed;
    }

    /** Brings removed built-in readings back. */
    int reviveBuiltinReadings() {
        return jdbc.sql("update phrase_reading set origin = 'builtin' where origin = 'removed'").update();
    }

    /** Deletes every reading a user added. */
    int deleteUserReadings() {
        return jdbc.sql("delete from phrase_reading where origin <> 'builtin' and origin <> 'removed'").update();
    }

    /** Deletes the relations a user declared that no fact names and that are not built in. */
    int deleteUnusedUserRelations(Set<String> builtin) {
        int deleted = 0;
        for (RelationInfo r : allRelations().values()) {
            if (USER.equals(r.origin()) && !builtin.contains(r.name()) && !factsUse(r.name())) {
                deleted += jdbc.sql("delete from relation where name = ?").param(r.name()).update();
            }
        }
        return deleted;
    }

    private static final String SELECT_READINGS = "select id, phrase, path, filter_attribute, filter_value, origin from phrase_reading";

    private static final RowMapper<StoredReading> STORED_READING = (rs, i) -> {
        String attribute = rs.getString("filter_attribute");
        Optional<AnswerFilter> filter = attribute.isEmpty()
                ? Optional.empty()
                : Optional.of(AnswerFilter.onAnswer(attribute, rs.getString("filter_value")));
        return new StoredReading(rs.getLong("id"), rs.getString("phrase"), new Reading(decode(rs.getString("path")), filter),
                rs.getString("origin"));
    };

    private List<StoredReading> stored(String where) {
        return jdbc.sql(SELECT_READINGS + " " + where + " order by phrase, id").query(STORED_READING).list();
    }

    /** Steps as "direction TAB relation" lines; relation names never hold control characters. */
    static String encode(List<Step> path) {
        return String.join("\n", path.stream().map(s -> s.direction().wireName() + "\t" + s.relation()).toList());
    }

    static List<Step> decode(String encoded) {
        return encoded.lines().map(line -> {
            int tab = line.indexOf('\t');
            return new Step(line.substring(tab + 1), Direction.fromWire(line.substring(0, tab)));
        }).toList();
    }
}
