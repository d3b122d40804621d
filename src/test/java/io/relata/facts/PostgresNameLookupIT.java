package io.relata.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * {@link NameLookupTests} on the PostgreSQL server named by RELATA_TEST_JDBC_URL, in a database of its own, as the
 * role CI gives the tests (CREATEDB, no superuser), and the PostgreSQL side of the spelling index's migrations.
 */
@EnabledIfEnvironmentVariable(named = TestPostgres.URL_VARIABLE, matches = ".+")
@TestExecutionListeners(listeners = TestPostgres.DropDatabases.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
class PostgresNameLookupIT extends NameLookupTests {

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) throws SQLException {
        String url = TestPostgres.databaseForClass("relata_names_");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestPostgres::user);
        registry.add("spring.datasource.password", TestPostgres::password);
    }

    @Test
    void misspellingsAreFoundThroughWordVariantsNotTrigramIndexesOverWholeNames() {
        postFacts("[{\"subject\":\"Wendeline Quarrington\",\"relation\":\"gender\",\"object\":\"female\"}]");

        assertThat(jdbc.sql("select word from word_variant where variant = 'quarington'").query(String.class).list())
                .containsExactly("quarrington");
        assertThat(jdbc.sql("select count(*) from pg_indexes where indexname like '%trigrams'").query(Long.class).single())
                .as("the GIN trigram indexes are dropped by migration 5").isZero();
        assertThat(resolve("Wendeline Quarington").path("entity").path("label").asString()).isEqualTo("Wendeline Quarrington");
    }

    @Test
    void namesStoredBeforeTheWordVariantsGetThemFromTheMigration() throws Exception {
        String name = TestPostgres.newDatabaseName("relata_backfill_");
        String url = TestPostgres.createDatabase(name);
        try {
            DriverManagerDataSource store = new DriverManagerDataSource(url, TestPostgres.user(), TestPostgres.password());
            JdbcTemplate template = new JdbcTemplate(store);
            Flyway flyway4 = Flyway.configure().dataSource(store).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                    .javaMigrations(new NameIndexBackfill(), new WordVariantBackfill()).target("4.2").load();
            flyway4.migrate();
            template.update("insert into entity (label, label_key) values ('Hélène Langevin-Joliot', 'helene langevin joliot')");
            template.update("insert into entity_word (word, entity_id) select 'joliot', id from entity");

            Flyway.configure().dataSource(store).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                    .javaMigrations(new NameIndexBackfill(), new WordVariantBackfill()).load().migrate();

            assertThat(template.queryForList("select word from word_variant where variant = 'jolit'", String.class))
                    .containsExactly("joliot");
        } finally {
            TestPostgres.dropDatabase(name);
        }
    }
}
