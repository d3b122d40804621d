package io.relata.model;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained relation model with what it learned beside its embeddings — the roles of the relations, their cardinality
 * and an open-world calibration — and its held-out evidence: validation metrics per direction and the reliability of
 * the calibration on held-out questions it was not fitted on.
 */
public final class TrainedModel implements AutoCloseable {

    /** Seed of the no-answer and filled-slot questions the calibration is fitted on. */
    static final long MIX_SEED = 17;
    /** Adam steps and L2 penalty (per relation end, on standardised embeddings) of the presence head. */
    static final int PRESENCE_STEPS = 300;
    static final float PRESENCE_PENALTY = 0.1f;

    private final ComplEx embeddings;
    private final TrainingSettings settings;
    private final LinkMetrics.ByDirection validation;
    private final Calibration calibration;
    private final Calibration.Reliability reliability;
    private final OpenWorld.ByDirection heldOutOpenWorld;
    private final Roles roles;
    private final Cardinality cardinality;
    private final int epochs;
    private final int bestEpoch;
    private final double seconds;
    private final double secondsPerEpoch;
    private final boolean trainedOnHeldOut;

    private TrainedModel(ComplEx embeddings, TrainingSettings settings, LinkMetrics.ByDirection validation,
            Calibration calibration, Calibration.Reliability reliability, OpenWorld.ByDirection heldOutOpenWorld,
            Roles roles, Cardinality cardinality, int epochs, int bestEpoch, double seconds, double secondsPerEpoch,
            boolean trainedOnHeldOut) {
        this.embeddings = embeddings;
        this.settings = settings;
        this.validation = validation;
        this.calibration = calibration;
        this.reliability = reliability;
        this.heldOutOpenWorld = heldOutOpenWorld;
        this.roles = roles;
        this.cardinality = cardinality;
        this.epochs = epochs;
        this.bestEpoch = bestEpoch;
        this.seconds = seconds;
        this.secondsPerEpoch = secondsPerEpoch;
        this.trainedOnHeldOut = trainedOnHeldOut;
    }

    /**
     * Trains on {@code train}, choosing the epoch by validation on {@code valid} (which must not be empty), and fits the
     * calibration on an open-world mix built from {@code valid}: its facts asked both ways, as many questions without an
     * answer, and half as many questions whose slot a training fact fills. The reliability is measured by fitting on
     * half of the mix's questions and checking on the other half.
     */
    static TrainedModel train(Triples train, Triples valid, int entityCount, int relationCount,
            TrainingSettings settings, Device device, TrainingProgress progress) {
        if (valid.size() == 0) {
            throw new IllegalArgumentException("training needs held-out facts to validate and calibrate on");
        }
        Trainer.Run run = Trainer.train(train, valid, entityCount, relationCount, settings, device, progress);
        try {
            Roles roles = Roles.of(train, entityCount, relationCount);
            run.model().trainPresence(roles, PRESENCE_STEPS, PRESENCE_PENALTY, settings.seed());
            Cardinality cardinality = Cardinality.of(train, relationCount);
            KnownFacts stated = new KnownFacts(relationCount, train);
            KnownFacts known = new KnownFacts(relationCount, train, valid);
            List<OpenWorld.Question> answerable = OpenWorld.answerable(valid);
            List<OpenWorld.Question> questions = new ArrayList<>(answerable);
            questions.addAll(OpenWorld.withoutAnswer(answerable.size(), known, both(train, valid), entityCount, relationCount, MIX_SEED));
            questions.addAll(OpenWorld.filledSlots(answerable.size() / 2, train, MIX_SEED));
            List<OpenWorld.Scored> scored = OpenWorld.score(run.model(), questions, roles, cardinality, stated, known);

            List<OpenWorld.Scored> fitHalf = new ArrayList<>();
            List<OpenWorld.Scored> checkHalf = new ArrayList<>();
            for (int i = 0; i < scored.size(); i++) {
                (i % 2 == 0 ? fitHalf : checkHalf).add(scored.get(i));
            }
            Calibration halfFit = Calibration.fit(OpenWorld.samples(fitHalf), relationCount);
            Calibration.Reliability reliability = halfFit.reliability(OpenWorld.samples(checkHalf));
            OpenWorld.ByDirection heldOut = OpenWorld.measure(checkHalf, halfFit, roles);
            Calibration calibration = Calibration.fit(OpenWorld.samples(scored), relationCount);
            return new TrainedModel(run.model(), run.settings(), run.validation(), calibration, reliability, heldOut, roles,
                    cardinality, run.epochs(), run.bestEpoch(), run.seconds(), run.secondsPerEpoch(), false);
        } catch (RuntimeException e) {
            run.model().close();
            throw e;
        }
    }

    /**
     * As {@link #train(Triples, Triples, int, int, TrainingSettings, Device, TrainingProgress)} on the device named by
     * {@code device} ("auto", "cpu" or "gpu"), so that callers outside this package need no DJL type.
     */
    public static TrainedModel train(Triples train, Triples valid, int entityCount, int relationCount,
            TrainingSettings settings, String device, TrainingProgress progress) {
        return train(train, valid, entityCount, relationCount, settings, Devices.choose(device), progress);
    }

    /**
     * The model that serves: trained again from scratch on {@code all} facts (the held-out ones included) for the epochs
     * this model's validation chose, so that it knows every stated fact; it keeps this model's calibration, which was
     * fitted on facts held out from it, and learns roles and cardinality from all facts.
     */
    public TrainedModel refit(Triples all, int entityCount, int relationCount, TrainingProgress progress) {
        TrainingSettings fixed = settings.withEpochs(Math.max(1, bestEpoch));
        Trainer.Run run = Trainer.train(all, Triples.of(List.of()), entityCount, relationCount, fixed, embeddings.device(), progress);
        try {
            Roles roles = Roles.of(all, entityCount, relationCount);
            run.model().trainPresence(roles, PRESENCE_STEPS, PRESENCE_PENALTY, settings.seed());
            return new TrainedModel(run.model(), run.settings().withEpochs(settings.epochs()), validation, calibration,
                    reliability, heldOutOpenWorld, roles,
                    Cardinality.of(all, relationCount), run.epochs(), run.epochs(), seconds + run.seconds(),
                    run.secondsPerEpoch(), true);
        } catch (RuntimeException e) {
            run.model().close();
            throw e;
        }
    }

    /** A saved version as a trained model, for evaluating it again: its embeddings with what its manifest recorded. */
    static TrainedModel of(LoadedModel saved) {
        ModelManifest m = saved.manifest();
        return new TrainedModel(saved.embeddings(), m.settings(), m.validation(), m.calibration(), m.reliability(),
                m.openWorld(), saved.roles(), saved.cardinality(), m.epochs(), m.epochs(), m.trainSeconds(),
                m.trainSeconds() / Math.max(1, m.epochs()), m.trainedOnHeldOut());
    }

    /** Filtered link-prediction metrics on {@code test}; {@code known} are every split whose facts are true. */
    public LinkMetrics.ByDirection evaluate(Triples test, Triples... known) {
        return LinkEvaluator.evaluate(embeddings, test, new KnownFacts(embeddings.relationCount(), known));
    }

    /**
     * The open-world figures on {@code test}: its facts asked both ways and as many questions without an answer among
     * {@code train}, {@code valid} and {@code test}; train and valid are what a service would hold as stated.
     */
    public OpenWorld.ByDirection openWorld(Triples train, Triples valid, Triples test) {
        int relationCount = embeddings.relationCount();
        KnownFacts stated = new KnownFacts(relationCount, train, valid);
        KnownFacts truth = new KnownFacts(relationCount, train, valid, test);
        List<OpenWorld.Question> questions = new ArrayList<>(OpenWorld.answerable(test));
        questions.addAll(OpenWorld.withoutAnswer(questions.size(), truth, both(both(train, valid), test),
                embeddings.entityCount(), relationCount, MIX_SEED + 1));
        return OpenWorld.measure(OpenWorld.score(embeddings, questions, roles, cardinality, stated, truth), calibration, roles);
    }

    private static Triples both(Triples a, Triples b) {
        List<int[]> rows = new ArrayList<>(a.size() + b.size());
        for (int i = 0; i < a.size(); i++) {
            rows.add(a.row(i));
        }
        for (int i = 0; i < b.size(); i++) {
            rows.add(b.row(i));
        }
        return Triples.of(rows);
    }

    ComplEx embeddings() {
        return embeddings;
    }

    Roles roles() {
        return roles;
    }

    public Cardinality cardinality() {
        return cardinality;
    }

    public TrainingSettings settings() {
        return settings;
    }

    public LinkMetrics.ByDirection validation() {
        return validation;
    }

    public Calibration calibration() {
        return calibration;
    }

    /** Reliability of the calibration on held-out questions (with and without an answer) it was not fitted on. */
    public Calibration.Reliability reliability() {
        return reliability;
    }

    /** The open-world figures on the held-out questions the calibration was not fitted on. */
    public OpenWorld.ByDirection heldOutOpenWorld() {
        return heldOutOpenWorld;
    }

    /** Epochs run in the last training (early stopping may have ended it before the most allowed). */
    public int epochs() {
        return epochs;
    }

    /** The epoch whose parameters were kept. */
    public int bestEpoch() {
        return bestEpoch;
    }

    public double seconds() {
        return seconds;
    }

    public double secondsPerEpoch() {
        return secondsPerEpoch;
    }

    /** Whether these embeddings were trained on the held-out facts too (a refit), not only on the training split. */
    public boolean trainedOnHeldOut() {
        return trainedOnHeldOut;
    }

    public String device() {
        return embeddings.device().isGpu() ? "gpu" : "cpu";
    }

    @Override
    public void close() {
        embeddings.close();
    }
}
