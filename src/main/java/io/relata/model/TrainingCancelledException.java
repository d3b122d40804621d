package io.relata.model;

/** A training run stopped because it was cancelled. */
public class TrainingCancelledException extends RuntimeException {

    public TrainingCancelledException() {
        super("training was cancelled");
    }
}
