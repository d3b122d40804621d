package io.relata.cli;

/** A command line that cannot be understood: the tool prints the message and the usage, and exits with code 2. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
