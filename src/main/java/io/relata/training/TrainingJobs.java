package io.relata.training;

import io.relata.InvalidInputException;
import io.relata.facts.FactGraph;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Training jobs as clients see them: accepted at once and run in the background one at a time, found by id with their
 * latest state, cancelled. A job that fails or is cancelled changes nothing that serves: the active model keeps
 * answering.
 */
@Component
public class TrainingJobs {

    /** Fewer stored facts than this leave too little to hold out for early stopping and calibration. */
    public static final int MIN_FACTS = 20;

    private static final Logger log = LoggerFactory.getLogger(TrainingJobs.class);

    private final TrainingJobStore store;
    private final FactGraph facts;
    private final LiveJobs live;
    /** Null where no model is trained (relata.role=api): jobs are then only queued, for the model tier to claim. */
    private final TrainingRunner runner;
    private final JobLease lease;
    private final TrainingJobMeters meters;

    @Autowired
    TrainingJobs(TrainingJobStore store, FactGraph facts, LiveJobs live, ObjectProvider<TrainingRunner> runner,
            JobLease lease, TrainingJobMeters meters) {
        this(store, facts, live, runner.getIfAvailable(), lease, meters);
    }

    TrainingJobs(TrainingJobStore store, FactGraph facts, LiveJobs live, TrainingRunner runner, JobLease lease,
            TrainingJobMeters meters) {
        this.store = store;
        this.facts = facts;
        this.live = live;
        this.runner = runner;
        this.lease = lease;
        this.meters = meters;
    }

    /** Queues a job on all stored facts; refused (400) when the store holds fewer than {@link #MIN_FACTS} facts. */
    public TrainingJob submit(TrainingOptions options) {
        return submit(options, null);
    }

    /** As {@link #submit(TrainingOptions)}, with {@code follower} told of every batch and epoch while the job runs here. */
    public TrainingJob submit(TrainingOptions options, Consumer<TrainingStep> follower) {
        long stored = facts.factCount();
        if (stored < MIN_FACTS) {
            throw new InvalidInputException("training needs at least " + MIN_FACTS
                    + " stored facts, to hold some out for early stopping and calibration; the store has " + stored);
        }
        TrainingJob job = TrainingJob.queued(UUID.randomUUID().toString(), options, now());
        if (runner == null) {
            store.insert(job, null);
            log.info("Training job {} queued for the model tier: {}", job.id(), options);
            return job;
        }
        if (runner.shuttingDown()) {
            throw new IllegalStateException("relata is shutting down");
        }
        LiveJob entry = new LiveJob(job, follower);
        live.add(entry); // before the row exists, so that no sweep takes it for abandoned
        try {
            store.insert(job, lease.owner());
        } catch (RuntimeException e) {
            live.remove(job.id());
            throw e;
        }
        try {
            runner.enqueue(entry);
        } catch (RejectedExecutionException e) {
            live.remove(job.id());
            store.finish(job.failed(TrainingRunner.INTERRUPTED_BY_SHUTDOWN, null, now()));
            throw new IllegalStateException("relata is shutting down", e);
        }
        log.info("Training job {} queued: {}", job.id(), options);
        return job;
    }

    public TrainingJob find(String id) {
        return live.get(id).map(entry -> entry.job)
                .orElseGet(() -> store.find(id).orElseThrow(() -> new UnknownTrainingJobException(id)));
    }

    /** The most recently submitted jobs, newest first. */
    public List<TrainingJob> recent(int limit) {
        List<TrainingJob> jobs = new ArrayList<>();
        for (TrainingJob stored : store.recent(limit)) {
            jobs.add(live.get(stored.id()).map(entry -> entry.job).orElse(stored));
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
            TrainingJob cancelled = job.cancelled(now);
            meters.finished(cancelled);
            log.info("Training job {} cancelled before it started", id);
            return cancelled;
        }
        live.get(id).ifPresent(entry -> {
            entry.cancel = true;
            entry.job = entry.job.withCancelRequested();
        });
        store.requestCancel(id);
        return find(id);
    }

    /** Fails the jobs that a process which stopped left unfinished (see {@link JobLease#recoverInterrupted()}). */
    public int recoverInterrupted() {
        return lease.recoverInterrupted();
    }

    static Instant now() {
        // the store keeps microseconds at best; a job read back must equal the one held in memory
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
