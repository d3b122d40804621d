package io.relata.model;

/** A model version whose files are missing, altered or inconsistent; it is refused and the active model stays. */
public class DamagedModelException extends RuntimeException {

    public DamagedModelException(String version, String reason) {
        super("model " + version + " is damaged: " + reason);
    }
}
