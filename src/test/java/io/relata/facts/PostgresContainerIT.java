package io.relata.facts;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** {@link PostgresStoreIT} on a throw-away PostgreSQL container; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
class PostgresContainerIT extends PostgresStoreIT {

    @Container
    @ServiceConnection
    static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:15-alpine");
}
