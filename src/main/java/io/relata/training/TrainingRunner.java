package io.relata.training;

import io.relata.ForRoles;
import io.relata.RelataProperties;
import io.relata.InvalidInputException;
import io.relata.model.TrainingCancelledException;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs accepted jobs one at a time on a single background thread (DJL's PyTorch engine allows one gradient collector
 * per JVM) and records how each ended; at shutdown it stops the running job and fails those still waiting.
 */
@Component
@ForRoles({RelataProperties.Role.ALL, RelataProperties.Role.MODEL})
class TrainingRunner {

    static final String INTERRUPTED_BY_SHUTDOWN = "interrupted by a shutdown";

    private static final Logger log = LoggerFactory.getLogger(TrainingRunner.class);
    /** Held while training: one trainer per JVM, even when tests start several application contexts. */
    private static final ReentrantLock ONE_TRAINER_PER_JVM = new ReentrantLock();
    private static final long SHUTDOWN_WAIT_SECONDS = 30;

    private final TrainingJobStore store;
    private final TrainingPipeline pipeline;
    private final LiveJobs live;
    private final TrainingJobMeters meters;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "relata-training");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean shuttingDown;

    TrainingRunner(TrainingJobStore store, TrainingPipeline pipeline, LiveJobs live, TrainingJobMeters meters) {
        this.store = store;
        this.pipeline = pipeline;
        this.live = live;
        this.meters = meters;
    }

    boolean shuttingDown() {
        return shuttingDown;
    }

    /** Queues a job behind the others; refused once the runner is shutting down. */
    void enqueue(LiveJob entry) {
        if (shuttingDown) {
            throw new RejectedExecutionException("shutting down");
        }
        worker.execute(() -> run(entry));
    }

    private void run(LiveJob entry) {
        String id = entry.job.id();
        try {
            ONE_TRAINER_PER_JVM.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(entry, entry.job.failed(INTERRUPTED_BY_SHUTDOWN, null, TrainingJobs.now()));
            return;
        }
        try {
            if (shuttingDown) {
                finish(entry, entry.job.failed(INTERRUPTED_BY_SHUTDOWN, null, TrainingJobs.now()));
                return;
            }
            Instant started = TrainingJobs.now();
            if (!store.start(id, started)) {
                live.remove(id); // cancelled while it waited
                return;
            }
            entry.job = entry.job.running(started);
            log.info("Training job {} started", id);
            finish(entry, train(entry));
        } catch (TrainingCancelledException e) {
            finish(entry, shuttingDown ? entry.job.failed(INTERRUPTED_BY_SHUTDOWN, null, TrainingJobs.now())
                    : entry.job.cancelled(TrainingJobs.now()));
        } catch (InvalidInputException e) {
            finish(entry, entry.job.failed(e.getMessage(), null, TrainingJobs.now()));
        } catch (RuntimeException | OutOfMemoryError e) {
            log.error("Training job {} failed", id, e);
            finish(entry, entry.job.failed(describe(e), null, TrainingJobs.now()));
        } finally {
            ONE_TRAINER_PER_JVM.unlock();
        }
    }

    private TrainingJob train(LiveJob entry) {
        TrainingPipeline.Outcome outcome = pipeline.run(entry.job.id(), entry.job.options(),
                new JobProgress(entry, store, this::shuttingDown));
        if (outcome.activationError() != null) {
            return entry.job.failed("the model was saved as " + outcome.manifest().version() + " but could not be activated: "
                    + outcome.activationError(), outcome.manifest().version(), TrainingJobs.now());
        }
        log.info("Training job {} saved model {} ({}activated: {})", entry.job.id(), outcome.manifest().version(),
                outcome.activated() ? "" : "not ", outcome.decision().reason());
        return entry.job.succeeded(outcome.manifest().version(), outcome.metrics(), outcome.epochs(), outcome.decision(),
                outcome.activated(), TrainingJobs.now());
    }

    private void finish(LiveJob entry, TrainingJob outcome) {
        entry.job = outcome;
        try {
            store.finish(outcome);
            meters.finished(outcome);
        } finally {
            live.remove(outcome.id());
        }
        log.info("Training job {} {}", outcome.id(), outcome.status().wireName()
                + (outcome.error() == null ? "" : ": " + outcome.error()));
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    @PreDestroy
    void shutdown() {
        shuttingDown = true;
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("The training thread did not stop within {} s", SHUTDOWN_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (LiveJob entry : java.util.List.copyOf(live.all())) {
            store.finish(entry.job.failed(INTERRUPTED_BY_SHUTDOWN, null, TrainingJobs.now()));
            live.remove(entry.job.id());
        }
    }
}
