package io.relata.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class StoreHealthTest {

    private final StoreMigration migration = new StoreMigration();
    private final StoreHealth health = new StoreHealth(migration);

    @Test
    void outOfServiceUntilTheStoreIsMigrated() {
        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void upWithTheSchemaVersionOnceMigratedAndFlywayIsNotAskedAgain() {
        Flyway flyway = mock(Flyway.class);
        MigrateResult result = new MigrateResult("11", "relata", "public", "h2");
        result.initialSchemaVersion = "2";
        result.targetSchemaVersion = "3";
        result.migrationsExecuted = 1;
        when(flyway.migrate()).thenReturn(result);
        migration.migrate(flyway);

        for (int probe = 0; probe < 3; probe++) {
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        }
        assertThat(health.health().getDetails()).containsEntry("schemaVersion", "3").containsEntry("pendingMigrations", 0);
        verify(flyway, times(1)).migrate();
        org.mockito.Mockito.verifyNoMoreInteractions(flyway);
    }

    @Test
    void aStoreAlreadyAtTheLatestVersionReportsIt() {
        Flyway flyway = mock(Flyway.class);
        MigrateResult result = new MigrateResult("11", "relata", "public", "h2");
        result.initialSchemaVersion = "3";
        when(flyway.migrate()).thenReturn(result);
        migration.migrate(flyway);

        assertThat(health.health().getDetails()).containsEntry("schemaVersion", "3");
    }
}
