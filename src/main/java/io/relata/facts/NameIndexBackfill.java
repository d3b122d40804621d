package io.relata.facts;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Migration 4.2: fills the word index (entity_word) for the labels and aliases stored before it existed, word by word
 * as {@link NameIndex} does for new names, so old and new names match alike; migration 5.1 ({@link
 * WordVariantBackfill}) then adds their spelling variants. In Java because the words are cut as {@link Labels#key}
 * folds them, which neither store's SQL can repeat.
 */
@Component
class NameIndexBackfill extends JavaStoreMigration {

    private static final int CHUNK = 5000;

    NameIndexBackfill() {
        super("4.2", "name index backfill");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        JdbcTemplate template = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        NameIndex index = new NameIndex(template);
        fill(template, index, "select id, id, label_key from entity where id > ? order by id limit " + CHUNK);
        fill(template, index, "select id, entity_id, alias_key from entity_alias where id > ? order by id limit " + CHUNK);
    }

    /** Pages through (row id, entity id, key) rows by row id and indexes each page's names. */
    private static void fill(JdbcTemplate template, NameIndex index, String page) {
        long after = 0;
        while (true) {
            List<NameIndex.Name> names = new ArrayList<>();
            long[] last = {after};
            template.query(page, rs -> {
                last[0] = rs.getLong(1);
                names.add(new NameIndex.Name(rs.getLong(2), rs.getString(3)));
            }, after);
            if (names.isEmpty()) {
                return;
            }
            index.addWords(names);
            after = last[0];
        }
    }
}
