package io.relata.facts;

import java.sql.SQLException;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.core.Ordered;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * {@link PostgresStoreIT} on a PostgreSQL server that is already running, named by RELATA_TEST_JDBC_URL (with
 * RELATA_TEST_JDBC_USER and RELATA_TEST_JDBC_PASSWORD); CI sets these, see .ci/run. The role needs CREATEDB: the
 * class creates a database of its own on that server, runs against it and drops it afterwards, so every run starts
 * clean and nothing already in the named database is touched.
 */
@EnabledIfEnvironmentVariable(named = "RELATA_TEST_JDBC_URL", matches = ".+")
@TestExecutionListeners(listeners = PostgresLocalIT.DropDatabase.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
class PostgresLocalIT extends PostgresStoreIT {

    private static String database;

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) throws SQLException {
        database = TestPostgres.newDatabaseName("relata_it_");
        String url = TestPostgres.createDatabase(database);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestPostgres::user);
        registry.add("spring.datasource.password", TestPostgres::password);
    }

    /**
     * Drops the class's database once @DirtiesContext (on the base class) has closed the application, as a database
     * cannot be dropped while the pool is connected to it. Ordered first, so that its after-class callback runs last.
     */
    static class DropDatabase implements TestExecutionListener, Ordered {

        @Override
        public void afterTestClass(TestContext testContext) throws SQLException, InterruptedException {
            if (database != null) {
                TestPostgres.dropDatabase(database);
                database = null;
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
