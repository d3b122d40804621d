package io.relata.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.WaitingQuestions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How libtorch and the request threads share the cores: the thread budget, and background work stepping aside. */
class CpuSharingTest {

    @Test
    void libtorchGetsHalfTheProcessorsByDefaultAndTheConfiguredNumberOtherwise() {
        assertThat(TorchThreads.threads(0, 2)).isEqualTo(1);
        assertThat(TorchThreads.threads(0, 1)).isEqualTo(1);
        assertThat(TorchThreads.threads(0, 16)).isEqualTo(8);
        assertThat(TorchThreads.threads(3, 16)).isEqualTo(3);
    }

    @Test
    void backgroundWorkWaitsWhileQuestionsWaitForTheModelButNotLongerThanItsBound() throws Exception {
        assertThat(WaitingQuestions.awaitQuiet(200)).isLessThan(50);

        WaitingQuestions.queued();
        CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> WaitingQuestions.awaitQuiet(5_000));
        Thread.sleep(100);
        WaitingQuestions.done(1);

        assertThat(waited.get(5, TimeUnit.SECONDS)).isBetween(80L, 2_000L);

        WaitingQuestions.queued();
        try {
            assertThat(WaitingQuestions.awaitQuiet(60)).isBetween(55L, 1_000L);
        } finally {
            WaitingQuestions.done(1);
        }
    }
}
