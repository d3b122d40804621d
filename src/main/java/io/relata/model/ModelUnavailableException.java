package io.relata.model;

/**
 * The model tier did not answer (down, slow, restarting, or its circuit breaker is open) and the question needs the
 * model alone: 503 with Retry-After. Questions that stated facts answer never see it.
 */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message) {
        super(message);
    }
}
