package io.relata.facts;

import java.sql.SQLException;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * {@link PostgresStoreIT} on a PostgreSQL server that is already running, named by RELATA_TEST_JDBC_URL (with
 * RELATA_TEST_JDBC_USER and RELATA_TEST_JDBC_PASSWORD); CI sets these, see .ci/run. The role needs CREATEDB: the
 * class creates a database of its own on that server, runs against it and drops it afterwards, so every run starts
 * clean and nothing already in the named database is touched.
 */
@EnabledIfEnvironmentVariable(named = TestPostgres.URL_VARIABLE, matches = ".+")
@TestExecutionListeners(listeners = TestPostgres.DropDatabases.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
class PostgresLocalIT extends PostgresStoreIT {

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) throws SQLException {
        String url = TestPostgres.databaseForClass("relata_it_");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestPostgres::user);
        registry.add("spring.datasource.password", TestPostgres::password);
    }
}
