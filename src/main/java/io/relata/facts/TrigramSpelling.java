package io.relata.facts;

import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Spelling on PostgreSQL: pg_trgm's trigram similarity over the GIN-indexed keys of labels and aliases. A name is
 * near when it shares at least pg_trgm.similarity_threshold (0.3 by default) of its trigrams with the key; the most
 * similar come first. PostgreSQL keeps the indexes itself as entities and aliases are written.
 */
final class TrigramSpelling implements SpellingIndex {

    private static final int TIMEOUT_SECONDS = 1;

    private final JdbcClient jdbc;

    TrigramSpelling(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public EntityDirectory.NamePool near(String key, int limit) {
        List<EntityDirectory.KeyedEntity> names = new ArrayList<>();
        try {
            jdbc.sql("""
                    select id, label, name_key from (
                        (select e.id, e.label, e.label_key as name_key, similarity(e.label_key, :key) as closeness
                         from entity e where e.label_key % :key order by closeness desc, e.id limit :limit)
                        union all
                        (select e.id, e.label, a.alias_key, similarity(a.alias_key, :key)
                         from entity_alias a join entity e on e.id = a.entity_id
                         where a.alias_key % :key order by 4 desc, e.id limit :limit)) near
                    order by closeness desc, id limit :limit""")
                    .param("key", key).param("limit", limit)
                    .withQueryTimeout(TIMEOUT_SECONDS)
                    .query(rs -> {
                        names.add(new EntityDirectory.KeyedEntity(new EntityRef(rs.getLong(1), rs.getString(2)), rs.getString(3)));
                    });
        } catch (QueryTimeoutException e) {
            return new EntityDirectory.NamePool(names, false);
        }
        return new EntityDirectory.NamePool(names, true);
    }
}
