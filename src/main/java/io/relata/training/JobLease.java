package io.relata.training;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The lease replicas sharing one store hold on their unfinished jobs: a heartbeat keeps this process's jobs alive, and
 * jobs whose process stopped (this host before a restart, or any host whose heartbeat went stale) are marked failed.
 */
@Component
class JobLease {

    static final String INTERRUPTED_BY_RESTART = "interrupted by a restart";
    static final String ABANDONED = "interrupted: the process running it stopped";
    /** How often this process tells the store its unfinished jobs are alive, and looks for abandoned ones. */
    static final long HEARTBEAT_MILLIS = 30_000;
    /** A job whose heartbeat is older than this has no live process behind it. */
    static final Duration STALE = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(JobLease.class);

    private final TrainingJobStore store;
    private final LiveJobs live;
    /** This host: a restarted process recognises its own host's unfinished jobs as interrupted at once. */
    private final String owner = hostName();
    /** False where no model is trained (relata.role=api): such a process has no jobs of its own to recover. */
    private final boolean trains;

    @Autowired
    JobLease(TrainingJobStore store, LiveJobs live, ObjectProvider<TrainingRunner> runner) {
        this(store, live, runner.getIfAvailable() != null);
    }

    JobLease(TrainingJobStore store, LiveJobs live, boolean trains) {
        this.store = store;
        this.live = live;
        this.trains = trains;
    }

    /** The name this process's jobs are stored under. */
    String owner() {
        return owner;
    }

    /**
     * Fails the jobs a previous process left queued or running, which will never finish: those this host accepted before
     * it restarted, and those of any host whose heartbeat has stopped. Jobs that other live replicas run are left alone.
     */
    int recoverInterrupted() {
        Instant now = TrainingJobs.now();
        int failed = store.failAbandoned(live.ids(), trains ? owner : null, now.minus(STALE), INTERRUPTED_BY_RESTART, now);
        if (failed > 0) {
            log.warn("{} training job(s) left unfinished by a previous run are marked failed", failed);
        }
        return failed;
    }

    /** Keeps this process's unfinished jobs alive in the store, and fails those of processes that died since. */
    @Scheduled(fixedDelay = HEARTBEAT_MILLIS, initialDelay = HEARTBEAT_MILLIS)
    void heartbeat() {
        Instant now = TrainingJobs.now();
        try {
            store.heartbeat(live.ids(), now);
            // another process on this host may run jobs, so one that trains none recovers only stale ones
            int failed = store.failAbandoned(live.ids(), trains ? owner : null, now.minus(STALE), ABANDONED, now);
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
}
