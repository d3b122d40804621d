package io.relata.query;

/** More questions at once than relata answers at once, for longer than it lets one wait (503 with Retry-After). */
public class OverloadedException extends RuntimeException {

    public OverloadedException() {
        super("too many questions at once; retry shortly");
    }
}
