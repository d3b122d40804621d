package io.relata.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link NameLookupTests} on the PostgreSQL server named by RELATA_TEST_JDBC_URL, in a database of its own, as the
 * role CI gives the tests (CREATEDB, no superuser): pg_trgm is installed by the migration and its indexes serve the
 * fuzzy lookups.
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

    @org.springframework.beans.factory.annotation.Autowired
    TransactionTemplate transactions;

    @Test
    void theMigrationInstalledPgTrgmAsARoleThatIsNoSuperuser() {
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select count(*) from pg_extension where extname = 'pg_trgm'").query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select indexname from pg_indexes where indexname like '%trigrams' order by indexname")
                .query(String.class).list()).containsExactly("entity_alias_key_trigrams", "entity_key_trigrams");
    }

    @Test
    void theTrigramIndexServesTheFuzzyLookup() {
        List<String> plan = transactions.execute(status -> {
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("explain select id from entity where label_key % 'tomas cruzeriro'").query(String.class).list();
        });
        assertThat(String.join("\n", plan)).contains("entity_key_trigrams");
    }
}
