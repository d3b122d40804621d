package io.relata.query;

/** A question that took longer than relata lets one take (503 with Retry-After). */
public class QuestionTimeoutException extends RuntimeException {

    public QuestionTimeoutException(String message) {
        super(message);
    }
}
