package io.relata.model;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.relata.WaitingQuestions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores queries from many request threads in shared passes: a single worker takes the first waiting query, waits at
 * most {@code batchDelay} for up to {@code batchSize} more, and scores each model's questions, forward and inverse,
 * with one matrix product. A full queue is refused at once (503), never a hang.
 */
final class Scorer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Scorer.class);

    /**
     * One row to score: entity and relation indexes of a pinned model; {@code subjects} for (?, r, t); the model indexes
     * of the slot's stated answers, sorted.
     */
    record Job(LoadedModel model, int entity, int relation, boolean subjects, int[] stated, int candidate, int k,
            CompletableFuture<List<Prediction>> result, long submittedNanos) {}

    private final BlockingQueue<Job> queue;
    private final int batchSize;
    private final long batchDelayNanos;
    private final Thread worker;
    private volatile boolean running = true;

    private final DistributionSummary batchSizes;
    private final Timer queueWait;
    private final Timer passes;

    Scorer(int batchSize, long batchDelayNanos, int queueCapacity, MeterRegistry meters) {
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.batchSizes = DistributionSummary.builder("relata.model.scoring.batch.size")
                .description("queries scored in one pass of the model").register(meters);
        this.queueWait = Timer.builder("relata.model.scoring.wait")
                .description("time a query waits before its scoring pass starts").register(meters);
        this.passes = Timer.builder("relata.model.scoring.pass").description("one scoring pass over all entities").register(meters);
        Gauge.builder("relata.model.scoring.queue", queue, BlockingQueue::size).description("queries waiting to be scored").register(meters);
        this.batchSize = batchSize;
        this.batchDelayNanos = batchDelayNanos;
        this.worker = new Thread(this::run, "relata-scorer");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Queues one row; {@code candidate} ≥ 0 asks for that entity's prediction alone, else the best {@code k}. */
    CompletableFuture<List<Prediction>> submit(LoadedModel model, int entity, int relation, boolean subjects, int[] stated,
            int candidate, int k) {
        CompletableFuture<List<Prediction>> result = new CompletableFuture<>();
        if (!running || !queue.offer(new Job(model, entity, relation, subjects, stated, candidate, k, result, System.nanoTime()))) {
            throw new ModelBusyException("the model's scoring queue is full; retry shortly");
        }
        WaitingQuestions.queued();
        result.whenComplete((predictions, failure) -> WaitingQuestions.done(1));
        return result;
    }

    private void run() {
        while (running) {
            List<Job> batch = new ArrayList<>(batchSize);
            try {
                Job first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + batchDelayNanos;
                while (batch.size() < batchSize) {
                    long wait = deadline - System.nanoTime();
                    Job next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                long started = System.nanoTime();
                batch.forEach(job -> queueWait.record(started - job.submittedNanos(), TimeUnit.NANOSECONDS));
                batchSizes.record(batch.size());
                passes.record(() -> score(batch));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Scoring a batch of {} queries failed", batch.size(), e);
                batch.forEach(job -> job.result().completeExceptionally(e));
            }
        }
    }

    /** Groups the batch by model and scores each group, forward and inverse questions alike, in one pass. */
    private static void score(List<Job> batch) {
        Map<LoadedModel, List<Job>> byModel = new IdentityHashMap<>();
        for (Job job : batch) {
            byModel.computeIfAbsent(job.model(), m -> new ArrayList<>()).add(job);
        }
        byModel.forEach(Scorer::scoreGroup);
    }

    /**
     * Scores a group in one matrix product, then turns each row into its best candidates that fit the relation's role,
     * with calibrated probabilities, best first.
     */
    private static void scoreGroup(LoadedModel model, List<Job> jobs) {
        Calibration calibration = model.manifest().calibration();
        List<Candidates.Query> queries = jobs.stream()
                .map(j -> new Candidates.Query(j.entity(), j.relation(), j.subjects(), j.k(), j.stated(), j.candidate())).toList();
        List<List<Candidates.Candidate>> found = Candidates.score(model.embeddings(), queries, model.roles(), model.cardinality());
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            List<Prediction> predictions = new ArrayList<>();
            for (Candidates.Candidate c : found.get(i)) {
                predictions.add(new Prediction(model.entityId(c.entity()), calibration.probability(c.features(), job.relation(), job.subjects())));
            }
            predictions.sort((a, b) -> Double.compare(b.probability(), a.probability()));
            job.result().complete(predictions);
        }
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        List<Job> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(job -> job.result().completeExceptionally(new ModelBusyException("relata is shutting down")));
    }
}
