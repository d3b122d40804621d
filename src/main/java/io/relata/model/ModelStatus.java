package io.relata.model;

/** Which model answers, if any, and on which device. */
public record ModelStatus(boolean loaded, String version, String device) {

    public static ModelStatus none() {
        return new ModelStatus(false, null, null);
    }
}
