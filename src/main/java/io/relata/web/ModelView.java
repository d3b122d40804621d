package io.relata.web;

import io.relata.model.LinkMetrics;
import io.relata.model.ModelManifest;
import io.relata.model.TrainingSettings;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A model version on the wire: what it was trained on, how it did on held-out facts, and whether it answers. */
@Schema(name = "ModelVersion", description = "A model version: what it was trained on, how it did on held-out facts, and "
        + "whether it answers")
record ModelView(
        String version,
        Instant createdAt,
        String algorithm,
        int entities,
        int relations,
        long trainingFacts,
        long validationFacts,
        String dataFingerprint,
        LinkMetrics.ByDirection validation,
        Double ece,
        TrainingSettings settings,
        int epochs,
        double trainSeconds,
        @Schema(allowableValues = {"cpu", "gpu"}) String trainedOn,
        boolean active) {

    static ModelView of(ModelManifest m, boolean active) {
        return new ModelView(m.version(), m.createdAt(), m.algorithm(), m.entities(), m.relations(), m.trainingFacts(),
                m.validationFacts(), m.dataFingerprint(), m.validation(), m.reliability() == null ? null : m.reliability().ece(),
                m.settings(), m.epochs(), m.trainSeconds(), m.trainedOn(), active);
    }
}
