package io.relata.training;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.relata.InvalidInputException;
import io.relata.facts.FactGraph;
import io.relata.lexicon.Lexicon;
import io.relata.lexicon.RelationInfo;
import io.relata.model.LinkMetrics;
import io.relata.model.ModelManifest;
import io.relata.model.ModelRegistry;
import io.relata.model.ServingModel;
import io.relata.model.TrainedModel;
import io.relata.model.TrainingCancelledException;
import io.relata.model.TrainingProgress;
import io.relata.model.Triples;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    /** A job whose heartbeat is older than this has no live process behind it. */
    static final Duration STALE = Duration.ofMinutes(2);
    /** Share of the progress bar the epochs fill; calibrating and saving the model take the rest. */
    static final double TRAINING_SHARE = 0.95;

    private static final Logger log = LoggerFactory.getLogger(TrainingJobs.class);
    /** Held while training: one trainer per JVM, even when tests start several application contexts. */
    private static final ReentrantLock ONE_TRAINER_PER_JVM = new ReentrantLock();
    private static final long PERSIST_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long CANCEL_POLL_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long SHUTDOWN_WAIT_SECONDS = 30;

    private final TrainingJobStore store;
    private final TrainingDataReader reader;
    private final Lexicon lexicon;
    private final FactGraph facts;
    private final ModelRegistry registry;
    private final ServingModel serving;
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

    TrainingJobs(TrainingJobStore store, TrainingDataReader reader, FactGraph facts, Lexicon lexicon, ModelRegistry registry,
            ServingModel serving, MeterRegistry meters) {
        this.store = store;
        this.lexicon = lexicon;
        this.reader = reader;
        this.facts = facts;
        this.registry = registry;
        this.serving = serving;
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

    /** Keeps this process's unfinished jobs alive in the store, and fails those of processes that died since. */
    @Scheduled(fixedDelay = HEARTBEAT_MILLIS, initialDelay = HEARTBEAT_MILLIS)
    void heartbeat() {
        Instant now = now();
        try {
            store.heartbeat(live.keySet(), now);
            int failed = store.failAbandoned(live.keySet(), owner, now.minus(STALE), ABANDONED, now);
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
        TrainingOptions options = entry.job.options();
        TrainingData data = reader.read();
        stopIfCancelled(entry);
        int n = data.triples().size();
        if (n < MIN_FACTS) {
            throw new InvalidInputException("training needs at least " + MIN_FACTS + " stored facts; the store has " + n);
        }
        // at least one fact is held out, whatever the share
        List<Triples> split = data.triples().split(Math.max(options.validationShare(), 1.0 / n), options.settings().seed());
        Triples train = split.get(0).withConverses(symmetricRelations(data));
        Triples valid = split.get(1);
        log.info("Training job {}: {} entities, {} relations, {} facts to train on, {} held out", entry.job.id(),
                data.entityCount(), data.relationCount(), train.size(), valid.size());

        ModelManifest manifest;
        TrainingMetrics best;
        int epochsRun;
        try (TrainedModel model = TrainedModel.train(train, valid, data.entityCount(), data.relationCount(),
                options.settings(), serving.device(), new Progress(entry))) {
            stopIfCancelled(entry);
            manifest = registry.save(model, data.vocabulary(), train.size(), valid.size(), data.fingerprint());
            best = TrainingMetrics.of(model.validation(), model.reliability().ece());
            epochsRun = model.epochs();
        }
        ActivationDecision decision = ActivationDecision.decide(options.activation(), serving.activeManifest(), manifest);
        boolean activated = false;
        if (decision.activate()) {
            try {
                serving.activate(manifest.version());
                activated = true;
            } catch (RuntimeException e) {
                log.error("Training job {}: model {} was saved but could not be activated", entry.job.id(), manifest.version(), e);
                return entry.job.failed("the model was saved as " + manifest.version() + " but could not be activated: "
                        + describe(e), manifest.version(), now());
            }
        }
        log.info("Training job {} saved model {} ({}activated: {})", entry.job.id(), manifest.version(),
                activated ? "" : "not ", decision.reason());
        return entry.job.succeeded(manifest.version(), best, epochsRun, decision, activated, now());
    }

    /** The indexes of the relations the lexicon declares symmetric. */
    private Set<Integer> symmetricRelations(TrainingData data) {
        Set<Integer> symmetric = new HashSet<>();
        List<String> names = data.vocabulary().relations();
        for (int i = 0; i < names.size(); i++) {
            if (lexicon.relation(names.get(i)).map(RelationInfo::symmetric).orElse(false)) {
                symmetric.add(i);
            }
        }
        return symmetric;
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

    /** Records a running job's epochs, persisted at most once a second, and tells the trainer when to stop. */
    private final class Progress implements TrainingProgress {

        private final Live entry;
        private final long started = System.nanoTime();
        private long persisted;
        private long polled = started;

        Progress(Live entry) {
            this.entry = entry;
        }

        @Override
        public void epoch(int epoch, int epochs, double loss, LinkMetrics.ByDirection validation, double secondsPerEpoch) {
            long now = System.nanoTime();
            double seconds = (now - started) / 1e9;
            double left = seconds / epoch * (epochs - epoch);
            TrainingMetrics metrics = validation == null ? entry.job.metrics() : TrainingMetrics.of(validation, null);
            entry.job = entry.job.withProgress(TRAINING_SHARE * epoch / epochs, epoch,
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
