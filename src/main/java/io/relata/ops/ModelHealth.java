package io.relata.ops;

import io.relata.model.ModelStatus;
import io.relata.model.RelationModel;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** The "model" health in the readiness group: UP when a model is loaded or relata is set to run without one. */
@Component("model")
class ModelHealth implements HealthIndicator {

    private final RelationModel model;
    private final Readiness readiness;

    ModelHealth(RelationModel model, Readiness readiness) {
        this.model = model;
        this.readiness = readiness;
    }

    @Override
    public Health health() {
        ModelStatus status = model.status();
        Health.Builder health = readiness.modelReady() ? Health.up() : Health.outOfService();
        health.withDetail("loaded", status.loaded()).withDetail("required", readiness.modelRequired())
                .withDetail("tier", status.tier()).withDetail("status", status.state().wireName());
        if (status.loaded()) {
            health.withDetail("version", status.version()).withDetail("device", status.device());
        }
        return health.build();
    }
}
