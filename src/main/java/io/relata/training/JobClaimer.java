package io.relata.training;

import io.relata.ForRoles;
import io.relata.RelataProperties;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Where models are trained, takes the jobs that an api process queued (stored with no owner) and runs them here, one
 * at a time: the claim is a conditional update, so of several model processes exactly one wins each job.
 */
@Component
@ForRoles({RelataProperties.Role.ALL, RelataProperties.Role.MODEL})
class JobClaimer {

    /** How often a process that trains looks for jobs an api process queued. */
    static final long CLAIM_MILLIS = 2_000;

    private static final Logger log = LoggerFactory.getLogger(JobClaimer.class);

    private final TrainingJobStore store;
    private final LiveJobs live;
    private final TrainingRunner runner;
    private final JobLease lease;

    JobClaimer(TrainingJobStore store, LiveJobs live, TrainingRunner runner, JobLease lease) {
        this.store = store;
        this.live = live;
        this.runner = runner;
        this.lease = lease;
    }

    /**
     * While this process runs no job, claims the oldest unowned queued job and hands it to the runner. It runs on the
     * scheduling thread, as the lease's heartbeat does, so no sweep sees the claimed job before it is live here.
     */
    @Scheduled(fixedDelay = CLAIM_MILLIS, initialDelay = CLAIM_MILLIS)
    void claimQueued() {
        if (runner.shuttingDown() || live.size() > 0) {
            return;
        }
        try {
            store.claimUnowned(lease.owner(), TrainingJobs.now()).ifPresent(job -> {
                LiveJob entry = new LiveJob(job, null);
                live.add(entry);
                try {
                    runner.enqueue(entry);
                    log.info("Training job {} claimed from the queue: {}", job.id(), job.options());
                } catch (RejectedExecutionException e) {
                    live.remove(job.id());
                    store.finish(job.failed(TrainingRunner.INTERRUPTED_BY_SHUTDOWN, null, TrainingJobs.now()));
                }
            });
        } catch (RuntimeException e) {
            log.warn("Looking for queued training jobs failed: {}", e.getMessage());
        }
    }
}
