package io.relata.facts;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

    private static String database;

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) throws SQLException {
        String url = createDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", PostgresLocalIT::user);
        registry.add("spring.datasource.password", PostgresLocalIT::password);
    }

    private static String createDatabase() throws SQLException {
        Matcher url = URL.matcher(serverUrl());
        if (!url.matches()) {
            throw new IllegalStateException("RELATA_TEST_JDBC_URL must look like jdbc:postgresql://host:port/database");
        }
        database = "relata_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(serverUrl(), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        return url.group(1) + "/" + database + (url.group(3) == null ? "" : url.group(3));
    }

    /**
     * Drops the class's database once @DirtiesContext (on the base class) has closed the application, as a database
     * cannot be dropped while the pool is connected to it. Ordered first, so that its after-class callback runs last.
     */
    static class DropDatabase implements TestExecutionListener, Ordered {

        @Override
        public void afterTestClass(TestContext testContext) throws SQLException {
            if (database != null) {
                try (Connection connection = DriverManager.getConnection(serverUrl(), user(), password());
                        Statement statement = connection.createStatement()) {
                    statement.execute("drop database if exists " + database + " with (force)");
                }
                database = null;
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    private static String serverUrl() {
        return System.getenv("RELATA_TEST_JDBC_URL");
    }

    private static String user() {
        return System.getenv().getOrDefault("RELATA_TEST_JDBC_USER", "postgres");
    }

    private static String password() {
        return System.getenv().getOrDefault("RELATA_TEST_JDBC_PASSWORD", "");
    }
}
