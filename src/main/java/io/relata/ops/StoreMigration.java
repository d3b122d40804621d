package io.relata.ops;

import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Migrates the store at start, as Spring Boot would, and keeps what the migration reported, so that the store's health
 * needs no further question to Flyway (each one opens a connection and repeats Flyway's database checks in the log).
 */
@Component
class StoreMigration implements FlywayMigrationStrategy {

    private volatile MigrateResult result;

    @Override
    public void migrate(Flyway flyway) {
        result = flyway.migrate();
    }

    /** What the migration at start reported; empty until it has run. */
    Optional<MigrateResult> result() {
        return Optional.ofNullable(result);
    }
}
