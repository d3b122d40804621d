package io.relata.ops;

import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The "store" health in the readiness group: UP once the migration at start has brought the schema to this build's
 * version. A failed migration stops the start, so the state cannot change afterwards; it is read from what the
 * migration reported, never by asking Flyway again on each probe.
 */
@Component("store")
class StoreHealth implements HealthIndicator {

    private final StoreMigration migration;

    StoreHealth(StoreMigration migration) {
        this.migration = migration;
    }

    @Override
    public Health health() {
        return migration.result().map(StoreHealth::migrated)
                .orElseGet(() -> Health.outOfService().withDetail("pendingMigrations", "not migrated yet").build());
    }

    private static Health migrated(MigrateResult result) {
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        return Health.up()
                .withDetail("schemaVersion", version == null ? "none" : version)
                .withDetail("migrationsAppliedAtStart", result.migrationsExecuted)
                .withDetail("pendingMigrations", 0)
                .build();
    }
}
