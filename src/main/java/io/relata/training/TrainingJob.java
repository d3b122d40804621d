package io.relata.training;

import java.time.Instant;

/**
 * A training job as it stands: what it was asked, how far it got, and what came of it.
 *
 * @param id the job's id (a UUID)
 * @param status queued, running, succeeded, failed or cancelled
 * @param options what the job was asked to do
 * @param progress share of the work done, 0..1 (1 once it has succeeded)
 * @param epoch epochs done
 * @param epochs most epochs the job may run (early stopping may end it sooner)
 * @param loss mean training loss of the last epoch, when there was one and it was a number
 * @param metrics the latest validation while running, the best (with the calibration error) once succeeded
 * @param secondsLeft estimate of the time left at the current pace, if every epoch is run
 * @param modelVersion the version the job saved
 * @param activated whether that version was made the active one
 * @param activationRule the rule that decided the activation (see {@link ActivationDecision})
 * @param activationReason the decision in words, with its numbers
 * @param error why the job failed or what stopped it
 * @param cancelRequested a cancellation was asked for and the job has not stopped yet
 * @param createdAt when the job was submitted
 * @param startedAt when it started training
 * @param finishedAt when it finished, one way or another
 */
public record TrainingJob(
        String id,
        JobStatus status,
        TrainingOptions options,
        double progress,
        int epoch,
        int epochs,
        Double loss,
        TrainingMetrics metrics,
        Double secondsLeft,
        String modelVersion,
        boolean activated,
        String activationRule,
        String activationReason,
        String error,
        boolean cancelRequested,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    static TrainingJob queued(String id, TrainingOptions options, Instant now) {
        return new TrainingJob(id, JobStatus.QUEUED, options, 0, 0, options.settings().epochs(), null, null, null, null,
                false, null, null, null, false, now, null, null);
    }

    TrainingJob running(Instant now) {
        return new TrainingJob(id, JobStatus.RUNNING, options, progress, epoch, epochs, loss, metrics, secondsLeft,
                modelVersion, activated, activationRule, activationReason, error, cancelRequested, createdAt, now, finishedAt);
    }

    TrainingJob withProgress(double progress, int epoch, Double loss, TrainingMetrics metrics, Double secondsLeft) {
        return new TrainingJob(id, status, options, progress, epoch, epochs, loss, metrics, secondsLeft, modelVersion,
                activated, activationRule, activationReason, error, cancelRequested, createdAt, startedAt, finishedAt);
    }

    TrainingJob withCancelRequested() {
        return new TrainingJob(id, status, options, progress, epoch, epochs, loss, metrics, secondsLeft, modelVersion,
                activated, activationRule, activationReason, error, true, createdAt, startedAt, finishedAt);
    }

    TrainingJob succeeded(String version, TrainingMetrics best, int epochsRun, ActivationDecision decision, boolean activated,
            Instant now) {
        return new TrainingJob(id, JobStatus.SUCCEEDED, options, 1.0, epochsRun, epochs, loss, best, 0.0, version,
                activated, decision.rule(), decision.reason(), null, false, createdAt, startedAt, now);
    }

    TrainingJob failed(String why, String version, Instant now) {
        return new TrainingJob(id, JobStatus.FAILED, options, progress, epoch, epochs, loss, metrics, null, version,
                false, activationRule, activationReason, why, false, createdAt, startedAt, now);
    }

    TrainingJob cancelled(Instant now) {
        return new TrainingJob(id, JobStatus.CANCELLED, options, progress, epoch, epochs, loss, metrics, null, null,
                false, null, null, null, false, createdAt, startedAt, now);
    }
}
