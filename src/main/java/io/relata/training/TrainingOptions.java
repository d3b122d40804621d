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

    public TrainingOptions {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(activation, "activation");
        if (!(validationShare > 0 && validationShare <= 0.5)) {
            throw new IllegalArgumentException("validationShare must be in (0, 0.5]");
        }
    }

    /** {@link TrainingSettings#defaults()}, 10% held out, activated if not worse. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(TrainingSettings.defaults(), DEFAULT_VALIDATION_SHARE, Activation.IF_NOT_WORSE);
    }
}
