package io.relata.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.relata.RelataProperties;
import io.relata.model.Prediction;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InferBatcherTest {

    /** The calls the fake tier received: the version asked for and the rows. */
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch release = new CountDownLatch(1);
    private InferBatcher batcher;

    private static RelataProperties.ModelTier settings(int maxBatch, Duration window) {
        return new RelataProperties.ModelTier(URI.create("http://127.0.0.1:1"), null, Duration.ofSeconds(1),
                Duration.ofSeconds(2), window, maxBatch, 4, 2, 10, 50, Duration.ofSeconds(1), 20, 10,
                Duration.ofSeconds(5), 3, Duration.ofSeconds(5));
    }

    /** A tier that answers each row with its own entity id, holding the first call until released. */
    private TierClient.Inferred answer(String version, List<InferRow> rows) {
        boolean first = calls.isEmpty();
        calls.add(version + ":" + rows.size());
        if (first) {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<RowResult> results = rows.stream()
                .map(r -> new RowResult(List.of(new Prediction(r.entity(), 0.5)), true)).toList();
        return new TierClient.Inferred(version, "cpu", results);
    }

    @AfterEach
    void close() {
        release.countDown();
        batcher.close();
    }

    @Test
    void aLoneQuestionIsSentAtOnceWithoutWaitingForTheWindow() throws Exception {
        release.countDown();
        batcher = new InferBatcher(this::answer, settings(64, Duration.ofSeconds(10)), new SimpleMeterRegistry());

        long started = System.nanoTime();
        InferBatcher.Row row = batcher.submit("v1", List.of(InferRow.probe(3))).get(0).get(5, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(row.result().predictions()).containsExactly(new Prediction(3, 0.5));
        assertThat(row.version()).isEqualTo("v1");
    }

    @Test
    void rowsThatArriveWhileACallIsInFlightShareTheNextCall() throws Exception {
        batcher = new InferBatcher(this::answer, settings(64, Duration.ofMillis(500)), new SimpleMeterRegistry());
        CompletableFuture<InferBatcher.Row> blocking = batcher.submit("v1", List.of(InferRow.probe(1))).get(0);
        waitFor(() -> calls.size() == 1);

        List<CompletableFuture<InferBatcher.Row>> later = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            later.addAll(batcher.submit("v1", List.of(InferRow.probe(100 + i))));
        }
        release.countDown();

        for (int i = 0; i < 10; i++) {
            assertThat(later.get(i).get(5, TimeUnit.SECONDS).result().predictions().get(0).entityId()).isEqualTo(100 + i);
        }
        assertThat(blocking.get(5, TimeUnit.SECONDS).result().entityKnown()).isTrue();
        assertThat(calls).as("the ten rows waited during the first call and went together").containsExactly("v1:1", "v1:10");
    }

    @Test
    void rowsPinnedToDifferentVersionsGoInSeparateCalls() throws Exception {
        batcher = new InferBatcher(this::answer, settings(64, Duration.ofMillis(50)), new SimpleMeterRegistry());
        CompletableFuture<InferBatcher.Row> blocking = batcher.submit("v0", List.of(InferRow.probe(1))).get(0);
        waitFor(() -> calls.size() == 1);

        CompletableFuture<InferBatcher.Row> one = batcher.submit("v1", List.of(InferRow.probe(2))).get(0);
        CompletableFuture<InferBatcher.Row> two = batcher.submit("v2", List.of(InferRow.probe(3))).get(0);
        release.countDown();

        assertThat(one.get(5, TimeUnit.SECONDS).version()).isEqualTo("v1");
        assertThat(two.get(5, TimeUnit.SECONDS).version()).isEqualTo("v2");
        blocking.get(5, TimeUnit.SECONDS);
        assertThat(calls).containsExactlyInAnyOrder("v0:1", "v1:1", "v2:1");
    }

    @Test
    void noCallCarriesMoreThanTheMaximumBatch() throws Exception {
        batcher = new InferBatcher(this::answer, settings(4, Duration.ofMillis(50)), new SimpleMeterRegistry());
        CompletableFuture<InferBatcher.Row> blocking = batcher.submit("v1", List.of(InferRow.probe(1))).get(0);
        waitFor(() -> calls.size() == 1);
        List<InferRow> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(InferRow.probe(10 + i));
        }
        List<CompletableFuture<InferBatcher.Row>> results = batcher.submit("v1", rows);
        release.countDown();

        for (CompletableFuture<InferBatcher.Row> r : results) {
            r.get(5, TimeUnit.SECONDS);
        }
        blocking.get(5, TimeUnit.SECONDS);
        assertThat(calls.get(0)).isEqualTo("v1:1");
        List<Integer> sizes = calls.subList(1, calls.size()).stream().map(c -> Integer.parseInt(c.substring(3))).toList();
        assertThat(sizes).allMatch(n -> n <= 4);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
    }

    @Test
    void aFailedCallFailsEveryRowItCarried() {
        batcher = new InferBatcher((version, rows) -> {
            throw new TierException("the model tier cannot be reached", 0, true, null);
        }, settings(64, Duration.ofMillis(1)), new SimpleMeterRegistry());

        List<CompletableFuture<InferBatcher.Row>> results = batcher.submit("v1", List.of(InferRow.probe(1), InferRow.probe(2)));

        for (CompletableFuture<InferBatcher.Row> r : results) {
            assertThatThrownBy(() -> r.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TierException.class);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(5);
        }
    }
}
