package io.relata.model;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A trained relation model with its held-out evidence: validation metrics per direction and a calibration whose
 * reliability was measured on queries it was not fitted on.
 */
public final class TrainedModel implements AutoCloseable {

    /** Candidates per held-out query used to fit and check the calibration. */
    static final int CALIBRATION_CANDIDATES = 10;

    private final ComplEx embeddings;
    private final TrainingSettings settings;
    private final LinkMetrics.ByDirection validation;
    private final Calibration calibration;
    private final Calibration.Reliability reliability;
    private final int epochs;
    private final double seconds;
    private final double secondsPerEpoch;

    private TrainedModel(ComplEx embeddings, TrainingSettings settings, LinkMetrics.ByDirection validation,
            Calibration calibration, Calibration.Reliability reliability, int epochs, double seconds, double secondsPerEpoch) {
        this.embeddings = embeddings;
        this.settings = settings;
        this.validation = validation;
        this.calibration = calibration;
        this.reliability = reliability;
        this.epochs = epochs;
        this.seconds = seconds;
        this.secondsPerEpoch = secondsPerEpoch;
    }

    /** Trains on {@code train}, validates and calibrates on {@code valid} (which must not be empty). */
    public static TrainedModel train(Triples train, Triples valid, int entityCount, int relationCount,
            TrainingSettings settings, Device device, TrainingProgress progress) {
        if (valid.size() == 0) {
            throw new IllegalArgumentException("training needs held-out facts to validate and calibrate on");
        }
        Trainer.Run run = Trainer.train(train, valid, entityCount, relationCount, settings, device, progress);
        try {
            KnownFacts known = new KnownFacts(relationCount, train, valid);
            List<List<Calibration.Sample>> byQuery = samples(run.model(), valid, known);
            List<Calibration.Sample> fitHalf = new ArrayList<>();
            List<Calibration.Sample> checkHalf = new ArrayList<>();
            List<Calibration.Sample> all = new ArrayList<>();
            for (int i = 0; i < byQuery.size(); i++) {
                (i % 2 == 0 ? fitHalf : checkHalf).addAll(byQuery.get(i));
                all.addAll(byQuery.get(i));
            }
            Calibration.Reliability reliability = Calibration.fit(fitHalf).reliability(checkHalf);
            return new TrainedModel(run.model(), settings, run.validation(), Calibration.fit(all), reliability,
                    run.epochs(), run.seconds(), run.secondsPerEpoch());
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
        return train(train, valid, entityCount, relationCount, settings, ServingModel.chooseDevice(device), progress);
    }

    /** Filtered link-prediction metrics on {@code test}; {@code known} are every split whose facts are true. */
    public LinkMetrics.ByDirection evaluate(Triples test, Triples... known) {
        return LinkEvaluator.evaluate(embeddings, test, new KnownFacts(embeddings.relationCount(), known));
    }

    /** Calibration samples of the top candidates of each forward and inverse query of {@code heldOut}. */
    public List<Calibration.Sample> calibrationSamples(Triples heldOut, Triples... known) {
        List<Calibration.Sample> all = new ArrayList<>();
        samples(embeddings, heldOut, new KnownFacts(embeddings.relationCount(), known)).forEach(all::addAll);
        return all;
    }

    /** Per query (forward queries, then inverse), the top candidates with their features and truth. */
    static List<List<Calibration.Sample>> samples(ComplEx model, Triples heldOut, KnownFacts known) {
        List<List<Calibration.Sample>> result = new ArrayList<>();
        int n = model.entityCount();
        int batch = 256;
        for (boolean inverse : new boolean[] {false, true}) {
            for (int start = 0; start < heldOut.size(); start += batch) {
                int end = Math.min(heldOut.size(), start + batch);
                int[] from = Arrays.copyOfRange(inverse ? heldOut.tails() : heldOut.heads(), start, end);
                int[] relation = Arrays.copyOfRange(heldOut.relations(), start, end);
                float[] scores = inverse ? model.scoreSubjects(from, relation) : model.scoreAnswers(from, relation);
                for (int i = 0; i < from.length; i++) {
                    int offset = i * n;
                    double logZ = Scores.logSumExp(scores, offset, n);
                    List<Calibration.Sample> query = new ArrayList<>();
                    for (int candidate : Scores.topK(scores, offset, n, CALIBRATION_CANDIDATES, from[i])) {
                        boolean correct = inverse
                                ? known.contains(candidate, relation[i], from[i])
                                : known.contains(from[i], relation[i], candidate);
                        query.add(new Calibration.Sample(scores[offset + candidate] - logZ, correct));
                    }
                    result.add(query);
                }
            }
        }
        return result;
    }

    ComplEx embeddings() {
        return embeddings;
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

    /** Reliability of the calibration, measured on held-out queries the calibration was not fitted on. */
    public Calibration.Reliability reliability() {
        return reliability;
    }

    public int epochs() {
        return epochs;
    }

    public double seconds() {
        return seconds;
    }

    public double secondsPerEpoch() {
        return secondsPerEpoch;
    }

    public String device() {
        return embeddings.device().isGpu() ? "gpu" : "cpu";
    }

    @Override
    public void close() {
        embeddings.close();
    }
}
