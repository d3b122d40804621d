package io.relata.training;

import io.relata.model.TrainingSettings;
import java.util.Objects;

/**
 * What a training job was asked to do: the model's training settings, the share of the stored facts held out for early
 * stopping and calibration, and whether to activate the result.
 *
 * @param settings how the model is trained
 * @param validationShare share of the facts held out, in (0, 0.5]; at least one fact is always held out
 * @param activation when the new model becomes the one that answers
 */
public record TrainingOptions(TrainingSettings settings, double validationShare, Activation activation) {

    public static final double DEFAULT_VALIDATION_SHARE = 0.1;
    public static final double MAX_VALIDATION_SHARE = 0.5;
    /** The wire name of the default activation rule. */
    public static final String DEFAULT_ACTIVATION = "if-not-worse";

    public TrainingOptions {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(activation, "activation");
        if (!(validationShare > 0 && validationShare <= MAX_VALIDATION_SHARE)) {
            throw new IllegalArgumentException("validationShare must be in (0, 0.5]");
        }
    }

    /** {@link TrainingSettings#defaults()}, {@value #DEFAULT_VALIDATION_SHARE} held out, activated if not worse. */
    public static TrainingOptions defaults() {
        return of(TrainingSettings.defaults());
    }

    /** These settings with the default held-out share and activation rule. */
    public static TrainingOptions of(TrainingSettings settings) {
        return new TrainingOptions(settings, DEFAULT_VALIDATION_SHARE, Activation.fromWire(DEFAULT_ACTIVATION));
    }
}
