package io.relata.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Migration 5.1: gives every word of the word index that has no spelling variants yet its variants in word_variant,
 * as {@link NameIndex} does for new words, on both stores. On PostgreSQL this fills the table its migration 5 created
 * for names stored before; on H2, whose word_variant came with the word index, it finds the words already spelled.
 */
@Component
class WordVariantBackfill extends JavaStoreMigration {

    private static final int CHUNK = 5000;

    WordVariantBackfill() {
        super("5.1", "word variant backfill");
    }

    @Override
    public void migrate(Context context) {
        JdbcTemplate template = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        NameIndex index = new NameIndex(template);
        String after = "";
        while (true) {
            // distinct words in pages, read in the primary key's (word, entity_id) order
            List<String> words = template.queryForList(
                    "select distinct word from entity_word where word > ? order by word limit " + CHUNK, String.class, after);
            if (words.isEmpty()) {
                return;
            }
            index.addVariantsOfNew(new TreeSet<>(words));
            after = words.get(words.size() - 1);
        }
    }
}
