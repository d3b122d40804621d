package io.relata.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.relata.model.TrainingSettings;
import io.relata.training.TrainingJob;
import io.relata.training.TrainingMetrics;
import io.relata.training.TrainingOptions;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A training job on the wire: status, progress, validation metrics and what came of it. */
@Schema(name = "TrainingJob", description = "A training job: status, progress, validation metrics and what came of it")
record TrainingJobView(
        String id,
        @Schema(allowableValues = {"queued", "running", "succeeded", "failed", "cancelled"}, example = "running") String status,
        @Schema(description = "Share of the work done, 0..1 (1 once succeeded)", minimum = "0", maximum = "1") double progress,
        int epoch,
        int epochs,
        Double loss,
        TrainingMetrics metrics,
        Double secondsLeft,
        @JsonInclude(JsonInclude.Include.ALWAYS) String modelVersion,
        boolean activated,
        ActivationView activation,
        String error,
        Boolean cancelRequested,
        SettingsView settings,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    /** Which rule decided whether the new model became the active one, and why. */
    @Schema(name = "Activation")
    record ActivationView(String rule, String reason) {}

    /** The options the job runs with, defaults filled in. */
    @Schema(name = "TrainingJobSettings")
    record SettingsView(int rank, int epochs, int batchSize, double learningRate, double n3Weight, double initScale,
            boolean reciprocal, int patience, int validateEvery, long seed, double validationShare,
            @Schema(allowableValues = {"if-not-worse", "always", "never"}) String activate) {

        static SettingsView of(TrainingOptions options) {
            TrainingSettings s = options.settings();
            return new SettingsView(s.rank(), s.epochs(), s.batchSize(), round(s.learningRate()), round(s.n3Weight()),
                    round(s.initScale()), s.reciprocal(), s.patience(), s.validateEvery(), s.seed(),
                    options.validationShare(), options.activation().wireName());
        }

        /** The float as it was asked (0.1), not as widened to double (0.10000000149011612). */
        private static double round(float value) {
            return Double.parseDouble(Float.toString(value));
        }
    }

    static TrainingJobView of(TrainingJob job) {
        return new TrainingJobView(
                job.id(),
                job.status().wireName(),
                job.progress(),
                job.epoch(),
                job.epochs(),
                job.loss(),
                job.metrics() == null ? new TrainingMetrics(null, null, null, null) : job.metrics(),
                job.secondsLeft() == null ? null : Math.round(job.secondsLeft() * 10) / 10.0,
                job.modelVersion(),
                job.activated(),
                job.activationRule() == null ? null : new ActivationView(job.activationRule(), job.activationReason()),
                job.error(),
                job.cancelRequested() ? Boolean.TRUE : null,
                SettingsView.of(job.options()),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt());
    }
}
