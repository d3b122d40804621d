package io.relata.training;

import io.relata.model.LinkMetrics;
import io.relata.model.ModelManifest;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a newly trained model becomes the active one, by which rule, and why in words.
 *
 * @param activate make the new version the one that answers
 * @param rule the rule that decided: never, always, no-active-model, data-changed, not-worse or worse
 * @param reason the rule with its numbers, for people
 */
record ActivationDecision(boolean activate, String rule, String reason) {

    /** How much lower than the active model's validation MRR (both directions) a new model may score and still count as not worse. */
    static final double TOLERANCE = 0.01;

    /**
     * Decides for a new model given the one active now (if any). Under if-not-worse the new model is activated when no
     * model is active, when the active model was trained on other facts (its validation MRR was measured on other
     * held-out facts and says nothing about the new one), or when its validation MRR is at least the active one's
     * minus {@link #TOLERANCE}.
     */
    static ActivationDecision decide(Activation activation, Optional<ModelManifest> active, ModelManifest candidate) {
        switch (activation) {
            case NEVER:
                return new ActivationDecision(false, "never", "activate=never: saved without activating");
            case ALWAYS:
                return new ActivationDecision(true, "always", "activate=always");
            default:
                break;
        }
        if (active.isEmpty()) {
            return new ActivationDecision(true, "no-active-model", "no model was active");
        }
        ModelManifest current = active.get();
        if (!current.dataFingerprint().equals(candidate.dataFingerprint())) {
            return new ActivationDecision(true, "data-changed", "the stored facts changed since the active model "
                    + current.version() + " was trained, so its validation MRR is not comparable");
        }
        double now = mrr(current.validation());
        double next = mrr(candidate.validation());
        String numbers = String.format(Locale.ROOT, "validation MRR %.4f against the active model %s's %.4f",
                next, current.version(), now);
        if (Double.isNaN(now) || next >= now - TOLERANCE) {
            return new ActivationDecision(true, "not-worse", numbers + " (tolerance " + TOLERANCE + ")");
        }
        return new ActivationDecision(false, "worse", numbers + ": worse by more than " + TOLERANCE + "; not activated");
    }

    private static double mrr(LinkMetrics.ByDirection validation) {
        return validation == null || validation.both() == null ? Double.NaN : validation.both().mrr();
    }
}
