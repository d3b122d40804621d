package io.relata.tier;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.relata.RelataProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Coalesces the model calls of concurrent questions into shared infer calls. One dispatcher thread takes the first
 * waiting row and whatever else waits, up to {@code maxBatch}; while another infer call is in flight it also waits up to
 * {@code batchWindow} for more, and when none is, it sends at once (a lone question pays no window). Rows pinned to
 * different versions go in separate calls. At most {@code maxInFlight} calls run at once; rows wait meanwhile and make
 * the next call larger. A full queue refuses a row at once.
 */
final class InferBatcher implements AutoCloseable {

    /** A row waiting for its infer call. */
    private record Pending(String version, InferRow row, CompletableFuture<Row> result) {}

    /** One row's result and the version and device that produced it. */
    record Row(String version, String device, RowResult result) {}

    private final BiFunction<String, List<InferRow>, TierClient.Inferred> infer;
    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final long windowNanos;
    private final Semaphore slots;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService senders;
    private final Thread dispatcher;
    private final DistributionSummary batchSizes;
    private volatile boolean running = true;

    InferBatcher(BiFunction<String, List<InferRow>, TierClient.Inferred> infer, RelataProperties.ModelTier settings,
            MeterRegistry meters) {
        this.infer = infer;
        this.maxBatch = settings.maxBatch();
        this.windowNanos = settings.batchWindow().toNanos();
        this.queue = new ArrayBlockingQueue<>(settings.maxBatch() * settings.maxInFlight() * 4);
        this.slots = new Semaphore(settings.maxInFlight());
        this.senders = Executors.newFixedThreadPool(settings.maxInFlight(), runnable -> {
            Thread thread = new Thread(runnable, "relata-tier-call");
            thread.setDaemon(true);
            return thread;
        });
        this.batchSizes = DistributionSummary.builder("relata.tier.client.batch.size")
                .description("rows per infer call to the model tier").baseUnit("rows").register(meters);
        this.dispatcher = new Thread(this::dispatch, "relata-tier-batcher");
        this.dispatcher.setDaemon(true);
        this.dispatcher.start();
    }

    /** Queues the rows on {@code version}; the results complete in order, or fail when the call fails. */
    List<CompletableFuture<Row>> submit(String version, List<InferRow> rows) {
        List<CompletableFuture<Row>> results = new ArrayList<>(rows.size());
        for (InferRow row : rows) {
            CompletableFuture<Row> result = new CompletableFuture<>();
            if (!running || !queue.offer(new Pending(version, row, result))) {
                result.completeExceptionally(new TierException("too many model calls are waiting for the model tier", 0, false, null));
            }
            results.add(result);
        }
        return results;
    }

    private void dispatch() {
        while (running) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Pending> batch = new ArrayList<>();
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                if (inFlight.get() > 0) {
                    long deadline = System.nanoTime() + windowNanos;
                    while (batch.size() < maxBatch) {
                        long wait = deadline - System.nanoTime();
                        Pending next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : null;
                        if (next == null) {
                            break;
                        }
                        batch.add(next);
                        queue.drainTo(batch, maxBatch - batch.size());
                    }
                }
                Map<String, List<Pending>> byVersion = new LinkedHashMap<>();
                for (Pending p : batch) {
                    byVersion.computeIfAbsent(p.version(), v -> new ArrayList<>()).add(p);
                }
                for (List<Pending> group : byVersion.values()) {
                    slots.acquire();
                    inFlight.incrementAndGet();
                    senders.execute(() -> send(group));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void send(List<Pending> group) {
        try {
            batchSizes.record(group.size());
            TierClient.Inferred answered = infer.apply(group.get(0).version(), group.stream().map(Pending::row).toList());
            for (int i = 0; i < group.size(); i++) {
                group.get(i).result().complete(new Row(answered.version(), answered.device(), answered.results().get(i)));
            }
        } catch (RuntimeException e) {
            group.forEach(p -> p.result().completeExceptionally(e));
        } finally {
            inFlight.decrementAndGet();
            slots.release();
        }
    }

    @Override
    public void close() {
        running = false;
        dispatcher.interrupt();
        senders.shutdownNow();
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.result().completeExceptionally(new TierException("relata is shutting down", 0, false, null)));
    }
}
