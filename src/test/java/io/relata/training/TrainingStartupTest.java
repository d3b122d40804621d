package io.relata.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.relata.facts.FactGraph;
import io.relata.model.ModelManifest;
import io.relata.model.ModelRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingStartupTest {

    private final TrainingJobs jobs = mock(TrainingJobs.class);
    private final ModelRegistry registry = mock(ModelRegistry.class);
    private final FactGraph facts = mock(FactGraph.class);

    @Test
    void firstStartWithFactsAndNoModelQueuesTrainingWithSmallGraphSettings() {
        given(registry.list()).willReturn(List.of());
        given(facts.factCount()).willReturn(390L);
        given(jobs.submit(any())).willReturn(TrainingJob.queued("j1", TrainingStartup.FIRST_START, Instant.EPOCH));

        new TrainingStartup(jobs, registry, facts, true).run(null);

        verify(jobs).recoverInterrupted();
        verify(jobs).submit(TrainingStartup.FIRST_START);
        assertThat(TrainingStartup.FIRST_START.settings().rank()).isEqualTo(64);
        assertThat(TrainingStartup.FIRST_START.settings().epochs()).isEqualTo(60);
        assertThat(TrainingStartup.FIRST_START.activation()).isEqualTo(Activation.IF_NOT_WORSE);
    }

    @Test
    void aRegistryWithAModelIsNotAFirstStart() {
        given(registry.list()).willReturn(List.of(ActivationDecisionTest.model("v1", "aaaa", 0.5)));
        given(facts.factCount()).willReturn(390L);

        new TrainingStartup(jobs, registry, facts, true).run(null);

        verify(jobs).recoverInterrupted();
        verify(jobs, never()).submit(any());
    }

    @Test
    void tooFewFactsOrTheSettingOffQueueNothingButInterruptedJobsAreStillFailed() {
        given(registry.list()).willReturn(List.<ModelManifest>of());
        given(facts.factCount()).willReturn(5L);
        new TrainingStartup(jobs, registry, facts, true).run(null);

        given(facts.factCount()).willReturn(390L);
        new TrainingStartup(jobs, registry, facts, false).run(null);

        verify(jobs, org.mockito.Mockito.times(2)).recoverInterrupted();
        verify(jobs, never()).submit(any());
    }
}
