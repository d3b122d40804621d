package io.relata.training;

import java.util.Locale;

/** The stages of a training run, in order. */
public enum TrainingStage {
    /** Reading the stored facts. */
    READING,
    /** Training on all but the held-out facts, validating on those to choose the epochs. */
    CHOOSING_EPOCHS,
    /** Training the model that serves on every fact for the epochs chosen. */
    REFITTING,
    /** Saving the new version and deciding whether it answers. */
    SAVING;

    /** The stage as people read it: "choosing epochs". */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
