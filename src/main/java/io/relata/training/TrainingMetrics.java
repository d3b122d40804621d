package io.relata.training;

import io.relata.model.LinkMetrics;

/**
 * A job's validation metrics on its held-out facts: filtered MRR and Hits per direction (the latest validation while
 * it trains, the best once it has finished) and, once finished, the expected calibration error.
 */
public record TrainingMetrics(LinkMetrics forward, LinkMetrics inverse, LinkMetrics both, Double ece) {

    static TrainingMetrics of(LinkMetrics.ByDirection validation, Double ece) {
        return validation == null
                ? new TrainingMetrics(null, null, null, ece)
                : new TrainingMetrics(validation.forward(), validation.inverse(), validation.both(), ece);
    }
}
