package io.relata.ops;

import io.relata.RelataProperties;
import io.relata.model.RelationModel;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * Whether relata may take questions: started (store migrated, lexicon and demo loaded) and, if required, a model loaded
 * in this process. An api process never waits for its model tier: without it, questions are answered from stated facts.
 */
@Component
public class Readiness {

    private final ApplicationAvailability availability;
    private final RelationModel model;
    private final boolean modelRequired;
    private final boolean modelElsewhere;

    Readiness(ApplicationAvailability availability, RelationModel model, RelataProperties properties) {
        this.availability = availability;
        this.model = model;
        this.modelRequired = properties.model().required();
        this.modelElsewhere = !properties.role().holdsModel();
    }

    public boolean started() {
        return availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
    }

    public boolean modelReady() {
        return !modelRequired || modelElsewhere || model.status().loaded();
    }

    public boolean modelRequired() {
        return modelRequired;
    }
}
