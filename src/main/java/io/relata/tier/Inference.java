package io.relata.tier;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.relata.ForRoles;
import io.relata.RelataProperties;
import io.relata.model.LinkQuery;
import io.relata.model.ModelStatus;
import io.relata.model.Prediction;
import io.relata.model.RelationModel;
import io.relata.model.ServingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Runs the rows of an infer call on one pinned model version (the one named, else the active one): every row goes to
 * the shared scorer at once, so rows of calls from all API replicas share scoring passes. Measured the way KServe and
 * Triton count inference: requests and their latency per model and version and outcome, rows per request.
 */
@Component
@ForRoles(RelataProperties.Role.MODEL)
class Inference {

    private final ServingModel serving;
    private final MeterRegistry meters;
    private final DistributionSummary rowsPerRequest;

    Inference(ServingModel serving, MeterRegistry meters) {
        this.serving = serving;
        this.meters = meters;
        this.rowsPerRequest = DistributionSummary.builder("relata.tier.inference.batch.size")
                .description("rows (entity, relation, direction) per infer request").baseUnit("rows")
                .tag("model", Oip.MODEL).register(meters);
    }

    /** What one infer call produced: the version that answered, its device, and one result per row. */
    record Outcome(String version, String device, List<RowResult> results) {}

    /**
     * Answers the rows on {@code version} (null: the active one). Throws {@link NoModelException} when no model is
     * active, and the model package's exceptions for an unknown or damaged version or a full scoring queue.
     */
    Outcome infer(String version, List<InferRow> rows) {
        long started = System.nanoTime();
        String outcome = "failure";
        // a version tag only once a version answered: a name from the request is no tag value
        String answered = "none";
        try (RelationModel.ModelSession session = serving.open(version)) {
            ModelStatus status = session.status();
            if (!status.loaded()) {
                throw new NoModelException();
            }
            answered = status.version();
            List<LinkQuery> queries = new ArrayList<>(rows.size());
            int[] k = new int[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                queries.add(rows.get(i).query());
                k[i] = rows.get(i).k();
            }
            List<List<Prediction>> predictions = session.predict(queries, k);
            List<RowResult> results = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                results.add(new RowResult(predictions.get(i), session.knowsEntity(rows.get(i).entity())));
            }
            rowsPerRequest.record(rows.size());
            meters.counter("relata.tier.inference.rows", "model", Oip.MODEL, "version", answered).increment(rows.size());
            outcome = "success";
            return new Outcome(answered, status.device(), results);
        } finally {
            Timer.builder("relata.tier.inference.requests")
                    .description("infer requests and their latency, per model, version and outcome")
                    .tags("model", Oip.MODEL, "version", answered, "outcome", outcome)
                    .publishPercentileHistogram()
                    .register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** No model version is active on the model tier yet (OIP error, 503). */
    static class NoModelException extends RuntimeException {
        NoModelException() {
            super("no model is loaded yet: train one (POST /v1/training-jobs) or activate a version");
        }
    }
}
