package io.relata.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Training jobs run on their own thread, where PyTorch's (per-thread) grad mode is on; training must work there too. */
class TrainingThreadTest {

    @Test
    void trainsOnAThreadOtherThanTheOneThatStartedTheEngine() throws Exception {
        Engine.getInstance(); // started here, on the test's thread
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(new int[] {i, 0, (i + 1) % 12});
            rows.add(new int[] {(i + 1) % 12, 1, i});
        }
        Triples train = Triples.of(rows.subList(0, 20));
        Triples valid = Triples.of(rows.subList(20, 24));
        TrainingSettings settings = new TrainingSettings(4, 3, 8, 0.1f, 0.01f, 1e-3f, true, 3, 1, 1L);

        var pool = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Integer> epochs = CompletableFuture.supplyAsync(() -> {
                try (TrainedModel model = TrainedModel.train(train, valid, 12, 2, settings, Device.cpu(), TrainingProgress.NONE)) {
                    return model.epochs();
                }
            }, pool);

            assertThat(epochs.get(60, TimeUnit.SECONDS)).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }
}
