package io.relata.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.relata.facts.FactGraph;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The queue between an api process, which only queues training jobs, and the model tier, which claims and runs them:
 * on the real schema (H2 in PostgreSQL mode, migrated by Flyway).
 */
class TrainingJobQueueTest {

    private TrainingJobStore store;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void schema() {
        DriverManagerDataSource data = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
        store = new TrainingJobStore(JdbcClient.create(data));
    }

    private TrainingJob queued(Instant created) {
        return TrainingJob.queued(UUID.randomUUID().toString(), TrainingOptions.defaults(), created);
    }

    @Test
    void anApiProcessOnlyQueuesTheJobForTheModelTier() {
        TrainingJobStore mocked = mock(TrainingJobStore.class);
        FactGraph facts = mock(FactGraph.class);
        given(facts.factCount()).willReturn(100L);
        LiveJobs live = new LiveJobs();
        TrainingJobs api = new TrainingJobs(mocked, facts, live, (TrainingRunner) null, new JobLease(mocked, live, false),
                new TrainingJobMeters(new SimpleMeterRegistry(), live));

        TrainingJob job = api.submit(TrainingOptions.defaults());

        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        Mockito.verify(mocked).insert(job, null);
        assertThat(live.ids()).isEmpty();
    }

    @Test
    void theOldestUnclaimedJobGoesToOneClaimerOnly() {
        TrainingJob older = queued(now.minusSeconds(10));
        TrainingJob newer = queued(now);
        store.insert(newer, null);
        store.insert(older, null);

        Optional<TrainingJob> first = store.claimUnowned("model-a", now);
        Optional<TrainingJob> second = store.claimUnowned("model-b", now);
        Optional<TrainingJob> third = store.claimUnowned("model-c", now);

        assertThat(first).map(TrainingJob::id).contains(older.id());
        assertThat(second).map(TrainingJob::id).contains(newer.id());
        assertThat(third).isEmpty();
    }

    @Test
    void aJobAlreadyOwnedOrNoLongerQueuedIsNotClaimed() {
        TrainingJob owned = queued(now);
        store.insert(owned, "api-host");
        TrainingJob cancelled = queued(now);
        store.insert(cancelled, null);
        store.cancelQueued(cancelled.id(), now);

        assertThat(store.claimUnowned("model-a", now)).isEmpty();
    }

    @Test
    void anUnclaimedJobWaitsForAModelTierInsteadOfBeingFailedAsAbandoned() {
        TrainingJob waiting = queued(now.minus(1, ChronoUnit.HOURS));
        store.insert(waiting, null);

        int failed = store.failAbandoned(List.of(), null, now.minus(JobLease.STALE), "abandoned", now);

        assertThat(failed).isZero();
        assertThat(store.find(waiting.id())).map(TrainingJob::status).contains(JobStatus.QUEUED);
    }

    @Test
    void aClaimedJobWhoseHeartbeatStoppedIsFailedByAnyProcess() {
        TrainingJob claimed = queued(now.minus(1, ChronoUnit.HOURS));
        store.insert(claimed, null);
        store.claimUnowned("model-a", now.minus(10, ChronoUnit.MINUTES));

        int failed = store.failAbandoned(List.of(), null, now.minus(JobLease.STALE), "abandoned", now);

        assertThat(failed).isEqualTo(1);
        assertThat(store.find(claimed.id())).map(TrainingJob::status).contains(JobStatus.FAILED);
    }
}
