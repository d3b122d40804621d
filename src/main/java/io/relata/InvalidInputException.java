package io.relata;

/** Input that relata refuses with a 400: the message says what was wrong, and nothing was changed. */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
