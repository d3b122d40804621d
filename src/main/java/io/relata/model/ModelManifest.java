package io.relata.model;

import java.time.Instant;

/**
 * What a model version is: how it was trained, on what, how well it did on held-out facts, what it learned beside its
 * embeddings (calibration, cardinality; the roles are in their own file), and the checksums of its files.
 *
 * @param version the version's name, also its folder
 * @param createdAt when it was saved
 * @param algorithm the kind of model ({@value #ALGORITHM})
 * @param settings how it was trained
 * @param entities rows of its entity table
 * @param relations relations it knows (each with its reciprocal)
 * @param trainingFacts facts its embeddings were trained on
 * @param validationFacts facts held out to choose the epochs and fit the calibration
 * @param dataFingerprint SHA-256 of the stored facts it was trained from
 * @param validation link-prediction metrics on the held-out facts
 * @param calibration the open-world calibration of its confidences
 * @param reliability the calibration's reliability on held-out questions it was not fitted on
 * @param openWorld the open-world figures on those held-out questions
 * @param cardinality how many answers each relation has per direction
 * @param epochs epochs its embeddings were trained for
 * @param trainedOnHeldOut whether its embeddings were trained on the held-out facts too (refitted on every fact)
 * @param trainSeconds time spent training, refit included
 * @param trainedOn cpu or gpu
 * @param parametersSha256 checksum of the parameters file
 * @param rolesSha256 checksum of the roles file (null for versions without one)
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
        OpenWorld.ByDirection openWorld,
        Cardinality cardinality,
        int epochs,
        boolean trainedOnHeldOut,
        double trainSeconds,
        String trainedOn,
        String parametersSha256,
        String rolesSha256) {

    public static final String ALGORITHM = "complex-n3-reciprocal";

    ModelManifest withVersion(String newVersion) {
        return new ModelManifest(newVersion, createdAt, algorithm, settings, entities, relations, trainingFacts,
                validationFacts, dataFingerprint, validation, calibration, reliability, openWorld, cardinality, epochs,
                trainedOnHeldOut, trainSeconds, trainedOn, parametersSha256, rolesSha256);
    }
}
