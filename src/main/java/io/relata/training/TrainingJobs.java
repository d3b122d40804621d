package io.relata.training;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.relata.InvalidInputException;
import io.relata.facts.FactGraph;
import io.relata.model.LinkMetrics;
import io.relata.model.TrainingCancelledException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Training jobs: accepted at once, run one at a time on a single background thread (DJL's PyTorch engine allows one
 * gradient collector per JVM), with progress, cancellation and the activation rule. A job that fails or is cancelled
 * changes nothing that serves: the active model keeps answering.
 */
@Component
public class TrainingJobs {

    /** Fewer stored facts than this leave too little to hold out for early stopping and calibration. */
    public static final int MIN_FACTS = 20;
    static final String INTERRUPTED_BY_RESTART = "interrupted by a restart";
    static final String INTERRUPTED_BY_SHUTDOWN = "interrupted by a shutdown";
    static final String ABANDONED = "interrupted: the process running it stopped";
    /** How often this process tells the store its unfinished jobs are alive, and looks for abandoned ones. */
    static final long HEARTBEAT_MILLIS = 30_000;
    /** How often a process that trains looks for jobs an api process queued. */
    static final long CLAIM_MILLIS = 2_000;
    /** A job whose heartbeat is older than this has no live process behind it. */
    static final Duration STALE = Duration.ofMinutes(2);
    /** Share of the progress bar the epochs fill; calibrating and saving the model take the rest. */
    static final double TRAINING_SHARE = 0.95;
    /** Share of the progress bar that choosing the epochs on held-out facts fills; the refit on every fact follows. */
    static final double CHOOSING_SHARE = 0.6;

    private static final Logger log = LoggerFactory.getLogger(TrainingJobs.class);
    /** Held while training: one trainer per JVM, even when tests start several application contexts. */
    private static final ReentrantLock ONE_TRAINER_PER_JVM = new ReentrantLock();
    private static final long PERSIST_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long CANCEL_POLL_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long SHUTDOWN_WAIT_SECONDS = 30;

    private final TrainingJobStore store;
    private final TrainingPipeline pipeline;
    private final FactGraph facts;
    private final MeterRegistry meters;
    private final java.util.concurrent.atomic.AtomicReference<TrainingJob> lastSucceeded = new java.util.concurrent.atomic.AtomicReference<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "relata-training");
        thread.setDaemon(true);
        return thread;
    });
    /** The jobs this process accepted and has not finished, with their latest state. */
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;
    /** This host: a restarted process recognises its own host's unfinished jobs as interrupted at once. */
    private final String owner = hostName();

    @Autowired
    TrainingJobs(TrainingJobStore store, ObjectProvider<TrainingPipeline> pipeline, FactGraph facts, MeterRegistry meters) {
        this(store, pipeline.getIfAvailable(), facts, meters);
    }

    /** With {@code pipeline} null (relata.role=api), jobs are only queued here, for the model tier to claim and run. */
    TrainingJobs(TrainingJobStore store, TrainingPipeline pipeline, FactGraph facts, MeterRegistry meters) {
        this.store = store;
        this.pipeline = pipeline;
        this.facts = facts;
        this.meters = meters;
        Gauge.builder("relata.training.unfinished", live, Map::size)
                .description("training jobs of this process that are queued or running").register(meters);
        Gauge.builder("relata.training.progress", live, jobs -> jobs.values().stream()
                        .filter(l -> l.job.status() == JobStatus.RUNNING).mapToDouble(l -> l.job.progress()).max().orElse(0))
                .description("progress of the running training job, 0..1 (0 when none runs)").register(meters);
        for (String direction : List.of("forward", "inverse", "both")) {
            Gauge.builder("relata.training.last.mrr", lastSucceeded, last -> last.get() == null || last.get().metrics() == null
                            ? Double.NaN : mrr(last.get().metrics(), direction))
                    .tag("direction", direction)
                    .description("validation MRR of the last training job that succeeded").register(meters);
        }
    }

    /** A job of this process: its latest state, and whether it has been asked to stop. */
    private static final class Live {
        volatile TrainingJob job;
        volatile boolean cancel;

        Live(TrainingJob job) {
            this.job = job;
        }
    }

    /** Queues a job on all stored facts; refused (400) when the store holds fewer than {@link #MIN_FACTS} facts. */
    public TrainingJob submit(TrainingOptions options) {
        long stored = facts.factCount();
        if (stored < MIN_FACTS) {
            throw new InvalidInputException("training needs at least " + MIN_FACTS
                    + " stored facts, to hold some out for early stopping and calibration; the store has " + stored);
        }
        if (shuttingDown) {
            throw new IllegalStateException("relata is shutting down");
        }
        TrainingJob job = TrainingJob.queued(UUID.randomUUID().toString(), options, now());
        if (pipeline == null) {
            store.insert(job, null);
            log.info("Training job {} queued for the model tier: {}", job.id(), options);
            return job;
        }
        Live entry = new Live(job);
        live.put(job.id(), entry); // before the row exists, so that no sweep takes it for abandoned
        try {
            store.insert(job, owner);
        } catch (RuntimeException e) {
            live.remove(job.id());
            throw e;
        }
        try {
            worker.execute(() -> run(entry));
        } catch (RejectedExecutionException e) {
            live.remove(job.id());
            store.finish(job.failed(INTERRUPTED_BY_SHUTDOWN, null, now()));
            throw new IllegalStateException("relata is shutting down", e);
        }
        log.info("Training job {} queued: {}", job.id(), options);
        return job;
    }

    public TrainingJob find(String id) {
        Live entry = live.get(id);
        if (entry != null) {
            return entry.job;
        }
        return store.find(id).orElseThrow(() -> new UnknownTrainingJobException(id));
    }

    /** The most recently submitted jobs, newest first. */
    public List<TrainingJob> recent(int limit) {
        List<TrainingJob> jobs = new ArrayList<>();
        for (TrainingJob stored : store.recent(limit)) {
            Live entry = live.get(stored.id());
            jobs.add(entry == null ? stored : entry.job);
        }
        return jobs;
    }

    /**
     * Cancels a queued job at once, or asks a running one to stop at its next batch (it then ends cancelled); the
     * active model is untouched either way. Refused for a job that has already finished.
     */
    public TrainingJob cancel(String id) {
        TrainingJob job = find(id);
        if (job.status().finished()) {
            throw new TrainingJobFinishedException(id, job.status());
        }
        Instant now = now();
        if (store.cancelQueued(id, now)) {
            live.remove(id);
            meters.counter("relata.training.jobs", "outcome", "cancelled").increment();
            log.info("Training job {} cancelled before it started", id);
            return job.cancelled(now);
        }
        Live entry = live.get(id);
        if (entry != null) {
            entry.cancel = true;
            entry.job = entry.job.withCancelRequested();
        }
        store.requestCancel(id);
        return find(id);
    }

    /**
     * Fails the jobs a previous process left queued or running, which will never finish: those this host accepted before
     * it restarted, and those of any host whose heartbeat has stopped. Jobs that other live replicas run are left alone.
     */
    public int recoverInterrupted() {
        Instant now = now();
        int failed = store.failAbandoned(live.keySet(), owner, now.minus(STALE), INTERRUPTED_BY_RESTART, now);
        if (failed > 0) {
            log.warn("{} training job(s) left unfinished by a previous run are marked failed", failed);
        }
        return failed;
    }

    /**
     * Where models are trained, and while this process runs no job: takes the oldest job that an api process queued and
     * nobody has claimed, and runs it. The claim is a conditional update, so of several model processes one wins. It
     * runs on the scheduling thread, as {@link #heartbeat()} does, so no sweep sees the claimed job before it is live.
     */
    @Scheduled(fixedDelay = CLAIM_MILLIS, initialDelay = CLAIM_MILLIS)
    void claimQueued() {
        if (pipeline == null || shuttingDown || !live.isEmpty()) {
            return;
        }
        try {
            store.claimUnowned(owner, now()).ifPresent(job -> {
                Live entry = new Live(job);
                live.put(job.id(), entry);
                try {
                    worker.execute(() -> run(entry));
                    log.info("Training job {} claimed from the queue: {}", job.id(), job.options());
                } catch (RejectedExecutionException e) {
                    live.remove(job.id());
                    store.finish(job.failed(INTERRUPTED_BY_SHUTDOWN, null, now()));
                }
            });
        } catch (RuntimeException e) {
            log.warn("Looking for queued training jobs failed: {}", e.getMessage());
        }
    }

    /** Keeps this process's unfinished jobs alive in the store, and fails those of processes that died since. */
    @Scheduled(fixedDelay = HEARTBEAT_MILLIS, initialDelay = HEARTBEAT_MILLIS)
    void heartbeat() {
        Instant now = now();
        try {
            store.heartbeat(live.keySet(), now);
            // a process that runs no jobs has none of its own to recover: another process on its host may run some
            int failed = store.failAbandoned(live.keySet(), pipeline == null ? null : owner, now.minus(STALE), ABANDONED, now);
            if (failed > 0) {
                log.warn("{} training job(s) whose process stopped are marked failed", failed);
            }
        } catch (RuntimeException e) {
            log.warn("Training job heartbeat failed: {}", e.getMessage());
        }
    }

    private static String hostName() {
        String name = System.getenv("HOSTNAME");
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private void run(Live entry) {
        String id = entry.job.id();
        try {
            ONE_TRAINER_PER_JVM.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(entry, entry.job.failed(INTERRUPTED_BY_SHUTDOWN, null, now()));
            return;
        }
        try {
            if (shuttingDown) {
                finish(entry, entry.job.failed(INTERRUPTED_BY_SHUTDOWN, null, now()));
                return;
            }
            Instant started = now();
            if (!store.start(id, started)) {
                live.remove(id); // cancelled while it waited
                return;
            }
            entry.job = entry.job.running(started);
            log.info("Training job {} started", id);
            finish(entry, train(entry));
        } catch (TrainingCancelledException e) {
            finish(entry, shuttingDown ? entry.job.failed(INTERRUPTED_BY_SHUTDOWN, null, now()) : entry.job.cancelled(now()));
        } catch (InvalidInputException e) {
            finish(entry, entry.job.failed(e.getMessage(), null, now()));
        } catch (RuntimeException | OutOfMemoryError e) {
            log.error("Training job {} failed", id, e);
            finish(entry, entry.job.failed(describe(e), null, now()));
        } finally {
            ONE_TRAINER_PER_JVM.unlock();
        }
    }

    private TrainingJob train(Live entry) {
        TrainingPipeline.Outcome outcome = pipeline.run(entry.job.id(), entry.job.options(), new Progress(entry));
        if (outcome.activationError() != null) {
            return entry.job.failed("the model was saved as " + outcome.manifest().version() + " but could not be activated: "
                    + outcome.activationError(), outcome.manifest().version(), now());
        }
        log.info("Training job {} saved model {} ({}activated: {})", entry.job.id(), outcome.manifest().version(),
                outcome.activated() ? "" : "not ", outcome.decision().reason());
        return entry.job.succeeded(outcome.manifest().version(), outcome.metrics(), outcome.epochs(), outcome.decision(),
                outcome.activated(), now());
    }

    private void stopIfCancelled(Live entry) {
        if (entry.cancel || shuttingDown || store.cancelRequested(entry.job.id())) {
            throw new TrainingCancelledException();
        }
    }

    private void finish(Live entry, TrainingJob outcome) {
        entry.job = outcome;
        try {
            store.finish(outcome);
            meters.counter("relata.training.jobs", "outcome", outcome.status().wireName()).increment();
            if (outcome.startedAt() != null && outcome.finishedAt() != null) {
                meters.timer("relata.training.duration", "outcome", outcome.status().wireName())
                        .record(java.time.Duration.between(outcome.startedAt(), outcome.finishedAt()));
            }
            if (outcome.status() == JobStatus.SUCCEEDED) {
                lastSucceeded.set(outcome);
            }
        } finally {
            live.remove(outcome.id());
        }
        log.info("Training job {} {}", outcome.id(), outcome.status().wireName()
                + (outcome.error() == null ? "" : ": " + outcome.error()));
    }

    private static double mrr(TrainingMetrics metrics, String direction) {
        LinkMetrics m = switch (direction) {
            case "forward" -> metrics.forward();
            case "inverse" -> metrics.inverse();
            default -> metrics.both();
        };
        return m == null ? Double.NaN : m.mrr();
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Instant now() {
        // the store keeps microseconds at best; a job read back must equal the one held in memory
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Records a running job's stages and epochs, persisted at most once a second, and tells the pipeline when to stop.
     * Choosing the epochs fills the first part of the progress, training the serving model again on every fact the
     * rest; while the epochs are chosen, the time left counts a refit as long as the epochs run so far.
     */
    private final class Progress implements TrainingPipeline.Watcher {

        private final Live entry;
        private final long started = System.nanoTime();
        private TrainingPipeline.Stage stage = TrainingPipeline.Stage.READING;
        private double chosenSeconds;
        private int chosenEpochs;
        private long persisted;
        private long polled = started;

        Progress(Live entry) {
            this.entry = entry;
        }

        @Override
        public void stage(TrainingPipeline.Stage next) {
            if (next == TrainingPipeline.Stage.REFITTING) {
                chosenSeconds = (System.nanoTime() - started) / 1e9;
                chosenEpochs = Math.max(1, entry.job.epoch());
            }
            stage = next;
        }

        @Override
        public void stopIfCancelled() {
            TrainingJobs.this.stopIfCancelled(entry);
        }

        @Override
        public void epoch(int epoch, int epochs, double loss, LinkMetrics.ByDirection validation, double secondsPerEpoch) {
            long now = System.nanoTime();
            double seconds = (now - started) / 1e9;
            boolean refitting = stage == TrainingPipeline.Stage.REFITTING;
            double perEpoch = (refitting ? seconds - chosenSeconds : seconds) / epoch;
            double progress = refitting
                    ? CHOOSING_SHARE + (TRAINING_SHARE - CHOOSING_SHARE) * epoch / epochs
                    : CHOOSING_SHARE * epoch / epochs;
            double left = refitting ? perEpoch * (epochs - epoch) : perEpoch * (epochs - epoch) + perEpoch * epoch;
            TrainingMetrics metrics = validation == null ? entry.job.metrics() : TrainingMetrics.of(validation, null);
            entry.job = entry.job.withProgress(progress, refitting ? chosenEpochs : epoch,
                    Double.isFinite(loss) ? loss : null, metrics, left);
            if (now - persisted >= PERSIST_EVERY_NANOS || epoch == epochs) {
                persisted = now;
                try {
                    store.progress(entry.job);
                } catch (RuntimeException e) {
                    log.warn("Training job {}: progress not stored: {}", entry.job.id(), e.getMessage());
                }
            }
        }

        @Override
        public boolean cancelled() {
            if (entry.cancel || shuttingDown) {
                return true;
            }
            long now = System.nanoTime();
            if (now - polled >= CANCEL_POLL_NANOS) {
                polled = now;
                try {
                    // a cancellation asked through another replica arrives through the store
                    entry.cancel = store.cancelRequested(entry.job.id());
                } catch (RuntimeException e) {
                    log.warn("Training job {}: cancellation not checked: {}", entry.job.id(), e.getMessage());
                }
            }
            return entry.cancel;
        }
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
        for (Live entry : live.values()) {
            store.finish(entry.job.failed(INTERRUPTED_BY_SHUTDOWN, null, now()));
        }
        live.clear();
    }
}
