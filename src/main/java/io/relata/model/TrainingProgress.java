package io.relata.model;

/** Receives a training run's progress, batch by batch and epoch by epoch, and may stop it. */
public interface TrainingProgress {

    /** After each optimisation step: {@code batch} of {@code batches} steps done in epoch {@code epoch} of at most {@code epochs}. */
    default void batch(int epoch, int epochs, int batch, int batches) {}

    /** After each epoch; {@code validation} is null in epochs without a validation. */
    void epoch(int epoch, int epochs, double loss, LinkMetrics.ByDirection validation, double secondsPerEpoch);

    /** Polled between batches: true stops the run, which then fails as cancelled. */
    default boolean cancelled() {
        return false;
    }

    TrainingProgress NONE = (epoch, epochs, loss, validation, seconds) -> { };
}
