package io.relata.training;

import io.relata.ForRoles;
import io.relata.RelataProperties;
import io.relata.InvalidInputException;
import io.relata.lexicon.Lexicon;
import io.relata.lexicon.RelationInfo;
import io.relata.model.ActiveModel;
import io.relata.model.ModelManifest;
import io.relata.model.ModelRegistry;
import io.relata.model.TrainedModel;
import io.relata.model.TrainingProgress;
import io.relata.model.Triples;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Trains a model on every stored fact, from reading the facts to activating the new version: a share of the facts is
 * held out to choose the epochs and fit the open-world calibration, then the model that serves is trained again on all
 * facts for the epochs chosen (so it knows every stated fact), saved, and activated as the job's rule says.
 */
@Component
@ForRoles({RelataProperties.Role.ALL, RelataProperties.Role.MODEL})
class TrainingPipeline {

    /** Fewer stored facts than this leave too little to hold out for early stopping and calibration. */
    static final int MIN_FACTS = TrainingJobs.MIN_FACTS;

    private static final Logger log = LoggerFactory.getLogger(TrainingPipeline.class);

    private final TrainingDataReader reader;
    private final Lexicon lexicon;
    private final ModelRegistry registry;
    private final ActiveModel active;

    TrainingPipeline(TrainingDataReader reader, Lexicon lexicon, ModelRegistry registry, ActiveModel active) {
        this.reader = reader;
        this.lexicon = lexicon;
        this.registry = registry;
        this.active = active;
    }

    /** Follows a run: its stages and epochs, and whether it should stop (then it throws TrainingCancelledException). */
    interface Watcher extends TrainingProgress {

        void stage(TrainingStage stage);

        /** Throws TrainingCancelledException when the run should stop. */
        void stopIfCancelled();
    }

    /**
     * What a run produced: the saved version, the held-out metrics, the epochs the serving model was trained for, and
     * the activation decision with its outcome ({@code activationError} when the activation itself failed).
     */
    record Outcome(ModelManifest manifest, TrainingMetrics metrics, int epochs, ActivationDecision decision,
            boolean activated, String activationError) {}

    Outcome run(String jobId, TrainingOptions options, Watcher watcher) {
        watcher.stage(TrainingStage.READING);
        TrainingData data = reader.read();
        watcher.stopIfCancelled();
        int n = data.triples().size();
        if (n < MIN_FACTS) {
            throw new InvalidInputException("training needs at least " + MIN_FACTS + " stored facts; the store has " + n);
        }
        Set<Integer> symmetric = symmetricRelations(data);
        // at least one fact is held out, whatever the share
        List<Triples> split = data.triples().split(Math.max(options.validationShare(), 1.0 / n), options.settings().seed());
        Triples train = split.get(0).withConverses(symmetric);
        Triples valid = split.get(1);
        Triples all = data.triples().withConverses(symmetric);
        log.info("Training job {}: {} entities, {} relations, {} facts, {} held out to choose the epochs and calibrate",
                jobId, data.entityCount(), data.relationCount(), n, valid.size());

        ModelManifest manifest;
        TrainingMetrics metrics;
        int epochs;
        watcher.stage(TrainingStage.CHOOSING_EPOCHS);
        try (TrainedModel chosen = TrainedModel.train(train, valid, data.entityCount(), data.relationCount(),
                options.settings(), active.deviceName(), watcher)) {
            watcher.stopIfCancelled();
            watcher.stage(TrainingStage.REFITTING);
            try (TrainedModel serving = chosen.refit(all, data.entityCount(), data.relationCount(), watcher)) {
                watcher.stopIfCancelled();
                watcher.stage(TrainingStage.SAVING);
                manifest = registry.save(serving, data.vocabulary(), all.size(), valid.size(), data.fingerprint());
                metrics = TrainingMetrics.of(chosen.validation(), chosen.reliability().ece());
                epochs = serving.epochs();
            }
        }
        ActivationDecision decision = ActivationDecision.decide(options.activation(), active.activeManifest(), manifest);
        if (!decision.activate()) {
            return new Outcome(manifest, metrics, epochs, decision, false, null);
        }
        try {
            active.activate(manifest.version());
            return new Outcome(manifest, metrics, epochs, decision, true, null);
        } catch (RuntimeException e) {
            log.error("Training job {}: model {} was saved but could not be activated", jobId, manifest.version(), e);
            return new Outcome(manifest, metrics, epochs, decision, false,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** The indexes of the relations the lexicon declares symmetric. */
    private Set<Integer> symmetricRelations(TrainingData data) {
        Set<Integer> symmetric = new HashSet<>();
        List<String> names = data.vocabulary().relations();
        for (int i = 0; i < names.size(); i++) {
            if (lexicon.relation(names.get(i)).map(RelationInfo::symmetric).orElse(false)) {
                symmetric.add(i);
            }
        }
        return symmetric;
    }
}
