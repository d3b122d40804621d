package io.relata.model;

/** The model's scoring queue is full: more questions than it can score right now (503 with Retry-After). */
public class ModelBusyException extends RuntimeException {

    public ModelBusyException(String message) {
        super(message);
    }
}
