package io.relata.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migrations 4.2 and 5.1 fill the name indexes for names stored before they existed, as the writer fills them for new
 * ones.
 */
class NameIndexBackfillTest {

    private final DriverManagerDataSource store = new DriverManagerDataSource(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
            "relata", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(store);

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(store).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .javaMigrations(new NameIndexBackfill(), new WordVariantBackfill()).target(target).load();
    }

    @Test
    void labelsAndAliasesStoredBeforeTheIndexAreIndexedByTheMigration() {
        flyway("4.1").migrate();
        jdbc.update("insert into entity (id, label, label_key) values (1, 'Hélène Langevin-Joliot', 'helene langevin joliot')");
        jdbc.update("insert into entity (id, label, label_key) values (2, 'Ledger 0042917', 'ledger 0042917')");
        jdbc.update("insert into entity_alias (entity_id, alias, alias_key) values (1, 'Hélène Joliot', 'helene joliot')");

        flyway("latest").migrate();

        assertThat(jdbc.queryForList("select word || ':' || entity_id from entity_word order by word, entity_id", String.class))
                .containsExactly("0042917:2", "helene:1", "joliot:1", "langevin:1", "ledger:2");
        assertThat(jdbc.queryForList("select distinct word from word_variant order by word", String.class))
                .as("words that can be misspelt, each once however many names have it")
                .containsExactly("helene", "joliot", "langevin", "ledger");
        assertThat(jdbc.queryForList("select word from word_variant where variant = 'jolit'", String.class)).containsExactly("joliot");
    }
}
