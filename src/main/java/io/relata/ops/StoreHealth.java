package io.relata.ops;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** The "store" health in the readiness group: UP when every migration is applied. */
@Component("store")
class StoreHealth implements HealthIndicator {

    private final Flyway flyway;

    StoreHealth(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public Health health() {
        MigrationInfo[] pending = flyway.info().pending();
        MigrationInfo current = flyway.info().current();
        Health.Builder health = pending.length == 0 ? Health.up() : Health.outOfService();
        return health.withDetail("schemaVersion", current == null ? "none" : current.getVersion().getVersion())
                .withDetail("pendingMigrations", pending.length)
                .build();
    }
}
