package io.relata.tier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.relata.ForRoles;
import io.relata.RelataProperties;
import io.relata.model.LinkQuery;
import io.relata.model.ModelStatus;
import io.relata.model.Prediction;
import io.relata.model.SessionModel;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The relation model of an api process: the model tier, asked over the Open Inference Protocol. A question's session
 * pins the version the tier said was active when the question started and asks for it by name on every call, so a
 * version activated meanwhile never answers half a question. When the tier does not answer (down, slow, circuit open)
 * the session says {@code unavailable} and predicts nothing: the question is answered from stated and derived facts.
 * The tier's metadata (active version, device) is read every {@code relata.model-tier.status-interval}; that is also
 * how a tier that was down is found again.
 */
@Component
@ForRoles(RelataProperties.Role.API)
class RemoteModel extends SessionModel {

    private static final Logger log = LoggerFactory.getLogger(RemoteModel.class);

    private final TierClient client;
    private final InferBatcher batcher;
    private final Duration wait;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "relata-tier-status");
        thread.setDaemon(true);
        return thread;
    });
    /** The tier as last read; null while it has not answered since the last failure. */
    private volatile TierClient.TierState state;

    RemoteModel(TierClient client, RelataProperties properties, MeterRegistry meters) {
        this.client = client;
        RelataProperties.ModelTier tier = properties.modelTier();
        this.batcher = new InferBatcher(client::infer, tier, meters);
        // every try of a call, and the waits between them, with a margin for the queue
        this.wait = tier.timeout().multipliedBy(tier.retryAttempts()).plus(tier.connectTimeout()).plusMillis(100);
        refresher.scheduleWithFixedDelay(this::refresh, 0, tier.statusInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the tier's metadata now: its active version and device, or that it does not answer. */
    void refresh() {
        TierClient.TierState before = state;
        try {
            state = client.state();
            if (before == null) {
                log.info("Model tier answers: active version {} on {}", state.activeVersion(), state.device());
            }
        } catch (RuntimeException e) {
            state = null;
            if (before != null) {
                log.warn("Model tier does not answer; questions are answered from stated facts: {}", e.getMessage());
            }
        }
    }

    @Override
    public ModelStatus status() {
        TierClient.TierState current = state;
        if (current == null || client.circuitState() == CircuitBreaker.State.OPEN) {
            return ModelStatus.unavailable();
        }
        return current.activeVersion() == null ? ModelStatus.remoteNone(current.device())
                : ModelStatus.remote(current.activeVersion(), current.device());
    }

    @Override
    public ModelSession open() {
        return new RemoteSession(status());
    }

    /** One question's hold on one version of the tier's model. */
    private final class RemoteSession implements ModelSession {

        private ModelStatus status;
        private final Map<Long, Boolean> known = new HashMap<>();

        RemoteSession(ModelStatus status) {
            this.status = status;
        }

        @Override
        public ModelStatus status() {
            return status;
        }

        @Override
        public List<List<Prediction>> predict(List<LinkQuery> queries, int[] k) {
            List<InferRow> rows = new ArrayList<>(queries.size());
            for (int i = 0; i < queries.size(); i++) {
                rows.add(InferRow.of(queries.get(i), k[i]));
            }
            List<RowResult> results = ask(rows);
            List<List<Prediction>> predictions = new ArrayList<>(queries.size());
            for (RowResult result : results) {
                predictions.add(result.predictions());
            }
            return predictions;
        }

        @Override
        public boolean knowsEntity(long entityId) {
            Boolean cached = known.get(entityId);
            if (cached != null) {
                return cached;
            }
            return ask(List.of(InferRow.probe(entityId))).get(0).entityKnown();
        }

        /** The rows' results on the pinned version; empty results once the tier has failed this question. */
        private List<RowResult> ask(List<InferRow> rows) {
            List<RowResult> results = new ArrayList<>(rows.size());
            if (!status.loaded() || rows.isEmpty()) {
                rows.forEach(r -> results.add(new RowResult(List.of(), false)));
                return results;
            }
            try {
                List<CompletableFuture<InferBatcher.Row>> pending = batcher.submit(status.version(), rows);
                long deadline = System.nanoTime() + wait.toNanos();
                for (int i = 0; i < rows.size(); i++) {
                    InferBatcher.Row row = pending.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    known.put(rows.get(i).entity(), row.result().entityKnown());
                    results.add(row.result());
                }
                return results;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return unavailable(rows, e);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                return unavailable(rows, e);
            }
        }

        private List<RowResult> unavailable(List<InferRow> rows, Exception e) {
            log.debug("The model tier did not answer a question: {}", e.toString());
            status = ModelStatus.unavailable();
            List<RowResult> results = new ArrayList<>(rows.size());
            rows.forEach(r -> results.add(new RowResult(List.of(), false)));
            return results;
        }

        @Override
        public void close() {}
    }

    @PreDestroy
    void shutdown() {
        refresher.shutdownNow();
        batcher.close();
    }
}
