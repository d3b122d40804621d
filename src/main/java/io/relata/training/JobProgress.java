package io.relata.training;

import io.relata.model.LinkMetrics;
import io.relata.model.TrainingCancelledException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a running job for the pipeline: every step updates the job (stored at most once a second) and goes to the
 * job's follower; a cancellation asked here, through another replica (via the store) or by a shutdown stops the run.
 */
final class JobProgress implements TrainingPipeline.Watcher {

    private static final Logger log = LoggerFactory.getLogger(JobProgress.class);
    private static final long PERSIST_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long CANCEL_POLL_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final LiveJob entry;
    private final TrainingJobStore store;
    private final BooleanSupplier shuttingDown;
    private final StepTracker tracker;
    private TrainingStage stage = TrainingStage.READING;
    private int chosenEpochs;
    private TrainingMetrics latestValidation;
    private long persisted;
    private long polled = System.nanoTime();

    JobProgress(LiveJob entry, TrainingJobStore store, BooleanSupplier shuttingDown) {
        this.entry = entry;
        this.store = store;
        this.shuttingDown = shuttingDown;
        this.tracker = new StepTracker(true, this::record, System::nanoTime);
    }

    @Override
    public void stage(TrainingStage next) {
        if (next == TrainingStage.REFITTING) {
            chosenEpochs = Math.max(1, entry.job.epoch());
        }
        stage = next;
        tracker.stage(next);
    }

    @Override
    public void batch(int epoch, int epochs, int batch, int batches) {
        tracker.batch(epoch, epochs, batch, batches);
    }

    @Override
    public void epoch(int epoch, int epochs, double loss, LinkMetrics.ByDirection validation, double secondsPerEpoch) {
        if (validation != null) {
            latestValidation = TrainingMetrics.of(validation, null);
        }
        tracker.epoch(epoch, epochs, loss, validation, secondsPerEpoch);
    }

    /** The job shows the epochs chosen so far while they are chosen, and the epochs chosen during the refit. */
    private void record(TrainingStep step) {
        int epochsDone = step.batch() >= step.batches() ? step.epoch() : step.epoch() - 1;
        int epochsShown = stage == TrainingStage.REFITTING ? chosenEpochs : Math.max(0, epochsDone);
        TrainingMetrics metrics = latestValidation == null ? entry.job.metrics() : latestValidation;
        entry.job = entry.job.withProgress(step.progress(), epochsShown, step.loss(), metrics, step.secondsLeft());
        long now = System.nanoTime();
        if (now - persisted >= PERSIST_EVERY_NANOS) {
            persisted = now;
            try {
                store.progress(entry.job);
            } catch (RuntimeException e) {
                log.warn("Training job {}: progress not stored: {}", entry.job.id(), e.getMessage());
            }
        }
        if (entry.follower != null) {
            entry.follower.accept(step);
        }
    }

    @Override
    public void stopIfCancelled() {
        if (entry.cancel || shuttingDown.getAsBoolean() || store.cancelRequested(entry.job.id())) {
            throw new TrainingCancelledException();
        }
    }

    @Override
    public boolean cancelled() {
        if (entry.cancel || shuttingDown.getAsBoolean()) {
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
