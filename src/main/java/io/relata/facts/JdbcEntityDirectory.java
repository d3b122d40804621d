package io.relata.facts;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Entity names in the store: equality on labels, aliases and keys; the word index; the store's spelling index. */
@Repository
class JdbcEntityDirectory implements EntityDirectory {

    private final JdbcClient jdbc;
    private final WordPostings postings;
    private final WordVariantSpelling spelling;

    JdbcEntityDirectory(JdbcClient jdbc, WordPostings postings, WordVariantSpelling spelling) {
        this.jdbc = jdbc;
        this.postings = postings;
        this.spelling = spelling;
    }

    @Override
    public Optional<EntityRef> byLabel(String label) {
        return jdbc.sql("select id, label from entity where label = ?").param(Labels.clean(label))
                .query((rs, i) -> new EntityRef(rs.getLong(1), rs.getString(2))).optional();
    }

    @Override
    public List<EntityRef> byAlias(String alias) {
        return jdbc.sql("select e.id, e.label from entity_alias a join entity e on e.id = a.entity_id where a.alias = ? order by e.id")
                .param(Labels.clean(alias))
                .query((rs, i) -> new EntityRef(rs.getLong(1), rs.getString(2))).list();
    }

    @Override
    public List<EntityRef> byKey(String key) {
        return jdbc.sql("""
                select id, label from entity where label_key = :key
                union
                select e.id, e.label from entity_alias a join entity e on e.id = a.entity_id where a.alias_key = :key
                order by id""")
                .param("key", key)
                .query((rs, i) -> new EntityRef(rs.getLong(1), rs.getString(2))).list();
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
