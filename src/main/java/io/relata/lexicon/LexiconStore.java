package io.relata.lexicon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Relations and phrase readings as stored in the database. */
@Repository
class LexiconStore {

    private final JdbcClient jdbc;

    LexiconStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RelationInfo> relations() {
        return jdbc.sql("select name, is_symmetric, description, origin from relation order by name")
                .query((rs, i) -> new RelationInfo(
                        rs.getString("name"), rs.getBoolean("is_symmetric"), rs.getString("description"), rs.getString("origin")))
                .list();
    }

    Optional<RelationInfo> relation(String name) {
        return jdbc.sql("select name, is_symmetric, description, origin from relation where name = ?")
                .param(name)
                .query((rs, i) -> new RelationInfo(
                        rs.getString("name"), rs.getBoolean("is_symmetric"), rs.getString("description"), rs.getString("origin")))
                .optional();
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

    /** Adds a reading unless the phrase already has exactly this one; says whether it was new. */
    boolean addReading(String phrase, Reading reading, String origin) {
        String attribute = reading.filter().map(AnswerFilter::attribute).orElse("");
        String value = reading.filter().map(AnswerFilter::value).orElse("");
        return jdbc.sql("""
                        insert into phrase_reading (phrase, path, filter_attribute, filter_value, origin)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(phrase, encode(reading.path()), attribute, value, origin)
                .update() == 1;
    }

    Map<String, List<Reading>> readings() {
        Map<String, List<Reading>> byPhrase = new LinkedHashMap<>();
        jdbc.sql("select phrase, path, filter_attribute, filter_value from phrase_reading order by phrase, id")
                .query(rs -> {
                    String attribute = rs.getString("filter_attribute");
                    Optional<AnswerFilter> filter = attribute.isEmpty()
                            ? Optional.empty()
                            : Optional.of(AnswerFilter.onAnswer(attribute, rs.getString("filter_value")));
                    byPhrase.computeIfAbsent(rs.getString("phrase"), p -> new ArrayList<>())
                            .add(new Reading(decode(rs.getString("path")), filter));
                });
        return byPhrase;
    }

    /** Adds a derivation of a relation unless it has exactly this one; says whether it was new. */
    boolean addDerivation(String relation, List<Step> path, String origin) {
        return jdbc.sql("insert into relation_derivation (relation, path, origin) values (?, ?, ?) on conflict do nothing")
                .params(relation, encode(path), origin)
                .update() == 1;
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
