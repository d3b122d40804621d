package io.relata.model;

import java.util.Locale;

/**
 * Which model answers, if any, on which device and in which tier, and whether it could be asked.
 *
 * @param state loaded (a model answers), none (no model yet) or unavailable (the model tier did not answer)
 * @param version the version that answers, when loaded
 * @param device cpu or gpu, when known
 * @param tier local (the model runs in this process) or remote (a model tier answers)
 */
public record ModelStatus(State state, String version, String device, String tier) {

    /** Whether a model answered. */
    public enum State {
        LOADED, NONE, UNAVAILABLE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String LOCAL = "local";
    public static final String REMOTE = "remote";

    /** A model of this process answers. */
    public static ModelStatus loaded(String version, String device) {
        return new ModelStatus(State.LOADED, version, device, LOCAL);
    }

    /** The model tier answers with this version. */
    public static ModelStatus remote(String version, String device) {
        return new ModelStatus(State.LOADED, version, device, REMOTE);
    }

    /** The model tier has no model yet. */
    public static ModelStatus remoteNone(String device) {
        return new ModelStatus(State.NONE, null, device, REMOTE);
    }

    /** The model tier did not answer. */
    public static ModelStatus unavailable() {
        return new ModelStatus(State.UNAVAILABLE, null, null, REMOTE);
    }

    /** No model in this process yet. */
    public static ModelStatus none() {
        return new ModelStatus(State.NONE, null, null, LOCAL);
    }

    public boolean loaded() {
        return state == State.LOADED;
    }
}
