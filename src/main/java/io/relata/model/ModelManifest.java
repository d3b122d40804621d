package io.relata.model;

import java.time.Instant;

/**
 * What a model version is: how it was trained, on what, how well it did on held-out facts, its calibration, and the
 * checksum of its parameters.
 */
public record ModelManifest(
        String version,
        Instant createdAt,
        String algorithm,
        TrainingSettings settings,
        int entities,
        int relations,
        long trainingFacts,
        long validationFacts,
        String dataFingerprint,
        LinkMetrics.ByDirection validation,
        Calibration calibration,
        Calibration.Reliability reliability,
        int epochs,
        double trainSeconds,
        String trainedOn,
        String parametersSha256) {

    public static final String ALGORITHM = "complex-n3-reciprocal";
}
