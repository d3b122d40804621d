package io.relata.facts;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A store migration written in Java, where SQL cannot repeat what the Java code does (folding names into words): its
 * version and description, run inside Flyway's transaction, with a fixed checksum (version 1 of its code).
 */
abstract class JavaStoreMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    JavaStoreMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
