package io.relata;

/** A request over one of relata's size limits, answered with 413; the message names the limit. */
public class TooLargeException extends RuntimeException {

    public TooLargeException(String message) {
        super(message);
    }
}
