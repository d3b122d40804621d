package io.relata.facts;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The PostgreSQL server that RELATA_TEST_JDBC_URL (with RELATA_TEST_JDBC_USER and RELATA_TEST_JDBC_PASSWORD) names,
 * as CI sets it (see .ci/run): tests get a fresh database of their own on it and drop it afterwards, so nothing already
 * in the named database is touched. The role needs CREATEDB.
 */
final class TestPostgres {

    static final String URL_VARIABLE = "RELATA_TEST_JDBC_URL";

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

    /** Databases made for Spring test classes, dropped after their class by {@link DropDatabases}. */
    private static final Set<String> FOR_CLASSES = ConcurrentHashMap.newKeySet();

    private TestPostgres() {}

    /** A new database for a Spring test class, dropped after the class when the class lists {@link DropDatabases}. */
    static String databaseForClass(String prefix) throws SQLException {
        String name = newDatabaseName(prefix);
        String url = createDatabase(name);
        FOR_CLASSES.add(name);
        return url;
    }

    /**
     * Drops the class's database once @DirtiesContext has closed the application, as a database cannot be dropped
     * while the pool is connected to it. Ordered first, so that its after-class callback runs last.
     */
    static class DropDatabases implements TestExecutionListener, Ordered {

        @Override
        public void afterTestClass(TestContext testContext) throws SQLException, InterruptedException {
            for (String name : Set.copyOf(FOR_CLASSES)) {
                dropDatabase(name);
                FOR_CLASSES.remove(name);
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** A new database on the server; answers its JDBC URL. */
    static String createDatabase(String name) throws SQLException {
        Matcher url = URL.matcher(serverUrl());
        if (!url.matches()) {
            throw new IllegalStateException(URL_VARIABLE + " must look like jdbc:postgresql://host:port/database");
        }
        try (Connection connection = DriverManager.getConnection(serverUrl(), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return url.group(1) + "/" + name + (url.group(3) == null ? "" : url.group(3));
    }

    /** A name for a new database: a prefix and a random suffix. */
    static String newDatabaseName(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /**
     * Drops a database the tests made. FORCE ends the sessions a killed service left behind; it refuses while a
     * process of another role (an autovacuum worker) is in the database, so that case is tried again.
     */
    static void dropDatabase(String name) throws SQLException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = DriverManager.getConnection(serverUrl(), user(), password());
                    Statement statement = connection.createStatement()) {
                statement.execute("drop database if exists " + name + " with (force)");
                return;
            } catch (SQLException e) {
                if (attempt == 5) {
                    throw e;
                }
                Thread.sleep(1000L * attempt);
            }
        }
    }

    static String serverUrl() {
        return System.getenv(URL_VARIABLE);
    }

    static String user() {
        return System.getenv().getOrDefault("RELATA_TEST_JDBC_USER", "postgres");
    }

    static String password() {
        return System.getenv().getOrDefault("RELATA_TEST_JDBC_PASSWORD", "");
    }
}
