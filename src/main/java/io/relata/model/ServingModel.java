package io.relata.model;

import ai.djl.Device;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.relata.ForRoles;
import io.relata.RelataProperties;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The relation model that answers questions: the active version from the registry, on the device chosen at start,
 * scored through the shared {@link Scorer}. Activating another version swaps it atomically; questions in flight finish
 * on the version they started with. A version asked for by name ({@link #open(String)}: the model tier, for a question
 * that started on it) is answered by the active model, by the standby (the version active before, or the last one
 * asked for), or loaded from the registry into the standby; the standby is retired once unused for
 * {@link #STANDBY_IDLE}.
 */
@Component
@ForRoles({RelataProperties.Role.ALL, RelataProperties.Role.MODEL})
public class ServingModel extends SessionModel implements ActiveModel {

    private static final Logger log = LoggerFactory.getLogger(ServingModel.class);
    private static final long SCORING_TIMEOUT_SECONDS = 30;
    /** How long a version no longer active stays loaded after its last use: longer than any question takes. */
    static final java.time.Duration STANDBY_IDLE = java.time.Duration.ofSeconds(30);

    private final ModelRegistry registry;
    private final Device device;
    private final Scorer scorer;
    private final AtomicReference<LoadedModel> active = new AtomicReference<>();
    private final AtomicReference<LoadedModel> standby = new AtomicReference<>();
    private volatile long standbyUsed;
    private volatile String refused;
    private final MultiGauge info;

    ServingModel(ModelRegistry registry, RelataProperties properties, MeterRegistry meters) {
        this.registry = registry;
        RelataProperties.Model settings = properties.model();
        this.device = Devices.choose(settings.device());
        this.scorer = new Scorer(settings.scoringBatchSize(), settings.scoringBatchDelay().toNanos(), settings.scoringQueueCapacity(), meters);
        this.info = MultiGauge.builder("relata.model.info").description("the model version that answers (value 1)").register(meters);
        Gauge.builder("relata.model.entities", active, a -> a.get() == null ? 0 : a.get().manifest().entities())
                .description("entities the active model knows").register(meters);
        registry.activeVersion().ifPresent(version -> {
            try {
                swapIn(registry.load(version, device));
                log.info("Serving model {} on {}", version, deviceName());
            } catch (RuntimeException e) {
                log.error("The active model {} cannot be loaded; answering from stated facts until another is activated: {}",
                        version, e.getMessage());
            }
        });
    }

    @Override
    public String deviceName() {
        return Devices.name(device);
    }

    /**
     * Follows the registry's ACTIVE pointer when another replica sharing the model volume has activated a version; a
     * version that cannot be loaded is logged and skipped, and the current one keeps answering.
     */
    @Scheduled(fixedDelayString = "${relata.model.refresh-interval:30s}", initialDelayString = "${relata.model.refresh-interval:30s}")
    public synchronized void followRegistry() {
        Optional<String> wanted = registry.activeVersion();
        LoadedModel current = active.get();
        String serving = current == null ? null : current.manifest().version();
        if (wanted.isPresent() && !wanted.get().equals(serving) && !wanted.get().equals(refused)) {
            try {
                swapIn(registry.load(wanted.get(), device));
                log.info("Now serving model {}, activated elsewhere", wanted.get());
            } catch (RuntimeException e) {
                refused = wanted.get();
                log.error("Model {} was activated elsewhere but cannot be loaded here: {}", wanted.get(), e.getMessage());
            }
        }
    }

    @Override
    public synchronized ModelManifest activate(String version) {
        LoadedModel loaded = registry.load(version, device);
        registry.setActive(version);
        swapIn(loaded);
        log.info("Activated model {} on {}", version, deviceName());
        return loaded.manifest();
    }

    @Override
    public Optional<ModelManifest> activeManifest() {
        LoadedModel current = active.get();
        return current == null ? Optional.empty() : Optional.of(current.manifest());
    }

    /** Every version in the registry, newest first. */
    public List<ModelManifest> versions() {
        return registry.list();
    }

    private void swapIn(LoadedModel loaded) {
        LoadedModel previous = active.getAndSet(loaded);
        info.register(List.of(MultiGauge.Row.of(Tags.of("version", loaded.manifest().version(), "device", deviceName()), 1)), true);
        if (previous != null) {
            // questions that started on the previous version may still ask for it by name
            toStandby(previous);
        }
    }

    private void toStandby(LoadedModel model) {
        standbyUsed = System.nanoTime();
        LoadedModel before = standby.getAndSet(model);
        if (before != null && before != model) {
            before.retire();
        }
    }

    /** Retires the standby version once nothing has asked for it for {@link #STANDBY_IDLE}. */
    @Scheduled(fixedDelay = 10_000, initialDelay = 10_000)
    public synchronized void retireIdleStandby() {
        LoadedModel idle = standby.get();
        if (idle != null && System.nanoTime() - standbyUsed > STANDBY_IDLE.toNanos() && standby.compareAndSet(idle, null)) {
            idle.retire();
        }
    }

    /**
     * Pins the named version for one question: the active one, the standby, or the version loaded from the registry
     * into the standby. An unknown version is refused with {@link UnknownModelException}, a damaged one with
     * {@link DamagedModelException}; {@code null} pins the active version.
     */
    public ModelSession open(String version) {
        if (version == null) {
            return open();
        }
        while (true) {
            LoadedModel current = active.get();
            if (current != null && current.manifest().version().equals(version)) {
                if (current.pin()) {
                    return new PinnedSession(current);
                }
                continue;
            }
            LoadedModel spare = standby.get();
            if (spare != null && spare.manifest().version().equals(version) && spare.pin()) {
                standbyUsed = System.nanoTime();
                return new PinnedSession(spare);
            }
            loadStandby(version);
        }
    }

    private synchronized void loadStandby(String version) {
        LoadedModel current = active.get();
        LoadedModel spare = standby.get();
        if (current != null && current.manifest().version().equals(version)
                || spare != null && spare.manifest().version().equals(version)) {
            return;
        }
        LoadedModel loaded = registry.load(version, device);
        log.info("Loaded model {} on request, beside the active {}", version,
                current == null ? "(none)" : current.manifest().version());
        toStandby(loaded);
    }

    @Override
    public ModelStatus status() {
        LoadedModel current = active.get();
        return current == null ? new ModelStatus(ModelStatus.State.NONE, null, deviceName(), ModelStatus.LOCAL) : current.status();
    }

    @Override
    public ModelSession open() {
        while (true) {
            LoadedModel current = active.get();
            if (current == null) {
                return new EmptySession(status());
            }
            if (current.pin()) {
                return new PinnedSession(current);
            }
        }
    }

    /** The session while no model is active: it knows nothing and predicts nothing. */
    private record EmptySession(ModelStatus status) implements ModelSession {

        @Override
        public List<List<Prediction>> predict(List<LinkQuery> queries, int[] k) {
            return queries.stream().map(q -> List.<Prediction>of()).toList();
        }

        @Override
        public boolean knowsEntity(long entityId) {
            return false;
        }

        @Override
        public void close() {}
    }

    /** A question's hold on one loaded model. */
    private final class PinnedSession implements ModelSession {

        private final LoadedModel model;
        private boolean closed;

        PinnedSession(LoadedModel model) {
            this.model = model;
        }

        @Override
        public ModelStatus status() {
            return model.status();
        }

        @Override
        public boolean knowsEntity(long entityId) {
            return model.entityIndex(entityId) != null;
        }

        @Override
        public List<List<Prediction>> predict(List<LinkQuery> queries, int[] k) {
            List<CompletableFuture<List<Prediction>>> pending = new ArrayList<>();
            for (int i = 0; i < queries.size(); i++) {
                LinkQuery query = queries.get(i);
                Integer entity = model.entityIndex(query.entityId());
                Integer relation = model.relationIndex(query.relation());
                Integer candidate = query.candidate() == null ? Integer.valueOf(-1) : model.entityIndex(query.candidate());
                pending.add(entity == null || relation == null || candidate == null
                        ? CompletableFuture.completedFuture(List.of())
                        : scorer.submit(model, entity, relation, query.inverse(), statedIndexes(query), candidate, k[i]));
            }
            List<List<Prediction>> results = new ArrayList<>();
            for (CompletableFuture<List<Prediction>> p : pending) {
                try {
                    results.add(p.get(SCORING_TIMEOUT_SECONDS, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ModelBusyException("interrupted while waiting for the model");
                } catch (ExecutionException | TimeoutException e) {
                    throw new ModelBusyException("the model did not answer in time: " + e.getMessage());
                }
            }
            return results;
        }

        /** The model indexes of the query's stated answers that the model knows, sorted. */
        private int[] statedIndexes(LinkQuery query) {
            return query.statedAnswers().stream().map(model::entityIndex).filter(java.util.Objects::nonNull)
                    .mapToInt(Integer::intValue).sorted().toArray();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                model.unpin();
            }
        }
    }

    @PreDestroy
    void shutdown() {
        scorer.close();
        for (AtomicReference<LoadedModel> held : List.of(active, standby)) {
            LoadedModel model = held.getAndSet(null);
            if (model != null) {
                model.retire();
            }
        }
    }
}
