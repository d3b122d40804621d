package io.relata.model;

/** No model version of that name in the registry (404). */
public class UnknownModelException extends RuntimeException {

    public UnknownModelException(String version) {
        super("no model version '" + version + "'");
    }
}
