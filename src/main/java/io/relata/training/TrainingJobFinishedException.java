package io.relata.training;

/** A cancellation asked of a job that has already finished (409): there is nothing left to stop. */
public class TrainingJobFinishedException extends RuntimeException {

    private final JobStatus status;

    public TrainingJobFinishedException(String id, JobStatus status) {
        super("training job '" + id + "' has already finished (" + status.wireName() + ")");
        this.status = status;
    }

    public JobStatus status() {
        return status;
    }
}
