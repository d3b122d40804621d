package io.relata.model;

/** Receives a training run's progress, and may stop it. */
public interface TrainingProgress {

    /** After each epoch; {@code validation} is null in epochs without a validation. */
    void epoch(int epoch, int epochs, double loss, LinkMetrics.ByDirection validation, double secondsPerEpoch);

    /** Polled between batches: true stops the run, which then fails as cancelled. */
    default boolean cancelled() {
        return false;
    }

    TrainingProgress NONE = (epoch, epochs, loss, validation, seconds) -> { };
}
