package io.relata.facts;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Entity names in the store: equality on keys, labels, aliases and folded names; the word index; the spelling index. */
@Repository
class JdbcEntityDirectory implements EntityDirectory {

    private static final String SELECT = "select " + EntityRefs.COLUMNS + " from entity e ";

    private final JdbcClient jdbc;
    private final WordPostings postings;
    private final WordVariantSpelling spelling;

    JdbcEntityDirectory(JdbcClient jdbc, WordPostings postings, WordVariantSpelling spelling) {
        this.jdbc = jdbc;
        this.postings = postings;
        this.spelling = spelling;
    }

    @Override
    public Optional<EntityRef> byEntityKey(String key) {
        return jdbc.sql(SELECT + "where e.entity_key = ?").param(key.strip())
                .query((rs, i) -> EntityRefs.read(rs)).optional();
    }

    @Override
    public List<EntityRef> byLabel(String label, int limit) {
        return jdbc.sql(SELECT + "where e.label = ? order by e.id limit ?").params(Labels.clean(label), limit)
                .query((rs, i) -> EntityRefs.read(rs)).list();
    }

    @Override
    public List<EntityRef> byAlias(String alias) {
        return jdbc.sql(SELECT + "join entity_alias a on e.id = a.entity_id where a.alias = ? order by e.id")
                .param(Labels.clean(alias))
                .query((rs, i) -> EntityRefs.read(rs)).list().stream().distinct().toList();
    }

    @Override
    public List<EntityRef> byKey(String key) {
        return jdbc.sql(SELECT + """
                where e.label_key = :key
                union
                select %s from entity_alias a join entity e on e.id = a.entity_id where a.alias_key = :key
                order by 1""".formatted(EntityRefs.COLUMNS))
                .param("key", key)
                .query((rs, i) -> EntityRefs.read(rs)).list();
    }

    @Override
    public NamePool withWords(List<String> words, int limit) {
        return postings.covering(words.stream().map(Set::of).toList(), limit);
    }

    @Override
    public NamePool spelledLike(String key, int limit) {
        return spelling.near(key, limit);
    }
}
