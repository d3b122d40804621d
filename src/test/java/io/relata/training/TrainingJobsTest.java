package io.relata.training;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.relata.InvalidInputException;
import io.relata.facts.FactGraph;
import io.relata.model.ModelRegistry;
import io.relata.model.ServingModel;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrainingJobsTest {

    private final TrainingJobStore store = mock(TrainingJobStore.class);
    private final FactGraph facts = mock(FactGraph.class);
    private final LiveJobs live = new LiveJobs();
    private final TrainingJobMeters meters = new TrainingJobMeters(new SimpleMeterRegistry(), live);
    private final TrainingRunner runner = new TrainingRunner(store, mock(TrainingPipeline.class), live, meters);
    private final TrainingJobs jobs = new TrainingJobs(store, facts, live, runner, new JobLease(store, live, true), meters);

    @AfterEach
    void stop() {
        runner.shutdown();
    }

    @Test
    void aStoreWithTooFewFactsIsRefusedAndNoJobIsCreated() {
        given(facts.factCount()).willReturn(19L);

        assertThatThrownBy(() -> jobs.submit(TrainingOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 20 stored facts")
                .hasMessageContaining("has 19");
        verify(store, never()).insert(any(), any());
    }

    @Test
    void unknownJobIsReportedAsSuch() {
        given(store.find("nope")).willReturn(Optional.empty());

        assertThatThrownBy(() -> jobs.find("nope")).isInstanceOf(UnknownTrainingJobException.class);
    }

    @Test
    void aFinishedJobCannotBeCancelled() {
        TrainingJob done = TrainingJob.queued("j1", TrainingOptions.defaults(), Instant.EPOCH).cancelled(Instant.EPOCH);
        given(store.find("j1")).willReturn(Optional.of(done));

        assertThatThrownBy(() -> jobs.cancel("j1")).isInstanceOf(TrainingJobFinishedException.class);
        verify(store, never()).cancelQueued(any(), any());
    }
}
