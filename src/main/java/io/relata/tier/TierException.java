package io.relata.tier;

/** An infer or metadata call to the model tier failed; {@link #retryable} ones may succeed on another try. */
class TierException extends RuntimeException {

    private final int status;
    private final boolean retryable;

    TierException(String message, int status, boolean retryable, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryable = retryable;
    }

    /** The HTTP status the tier answered with, 0 when it did not answer. */
    int status() {
        return status;
    }

    boolean retryable() {
        return retryable;
    }

    /** The tier answered with a client error (4xx): the request, not the tier, is at fault. */
    boolean refused() {
        return status >= 400 && status < 500;
    }
}
