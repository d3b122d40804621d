package io.relata.model;

import ai.djl.Device;
import io.relata.WaitingQuestions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * Trains ComplEx on a training split, validating every few epochs on a held-out split and keeping the parameters of the
 * best validation MRR (both directions); stops early after {@code patience} validations without improvement. Without a
 * held-out split it trains for exactly {@code epochs} epochs and keeps the last parameters.
 */
final class Trainer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Trainer.class);

    /** Longest a training batch waits for questions that wait for the model in the same JVM. */
    private static final long YIELD_MILLIS = 50;

    private Trainer() {}

    /** The best model of a run, its validation metrics and how long it took. */
    record Run(ComplEx model, LinkMetrics.ByDirection validation, int epochs, int bestEpoch, double seconds, double secondsPerEpoch) {}

    static Run train(Triples train, Triples valid, int entityCount, int relationCount, TrainingSettings settings,
            Device device, TrainingProgress progress) {
        KnownFacts known = new KnownFacts(relationCount, train, valid);
        ComplEx model = ComplEx.initialise(entityCount, relationCount, settings, device);
        try {
            int[][] queries = LinkQueries.of(train, relationCount, settings.reciprocal());
            Random shuffle = new Random(settings.seed());
            byte[] best = null;
            LinkMetrics.ByDirection bestMetrics = null;
            int bestEpoch = 0;
            int sinceBest = 0;
            int epoch = 0;
            long started = System.nanoTime();
            while (epoch < settings.epochs() && sinceBest < settings.patience()) {
                epoch++;
                long epochStart = System.nanoTime();
                shuffle(queries, shuffle);
                double lossSum = 0;
                int batches = 0;
                int batchesPerEpoch = (queries.length + settings.batchSize() - 1) / settings.batchSize();
                for (int start = 0; start < queries.length; start += settings.batchSize()) {
                    if (progress.cancelled()) {
                        throw new TrainingCancelledException();
                    }
                    int end = Math.min(queries.length, start + settings.batchSize());
                    int[][] batch = java.util.Arrays.copyOfRange(queries, start, end);
                    lossSum += model.trainStep(batch, settings.learningRate(), settings.n3Weight());
                    batches++;
                    WaitingQuestions.awaitQuiet(YIELD_MILLIS);
                    progress.batch(epoch, settings.epochs(), batches, batchesPerEpoch);
                }
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                LinkMetrics.ByDirection validation = null;
                boolean last = epoch == settings.epochs();
                if (valid.size() > 0 && (epoch % settings.validateEvery() == 0 || last)) {
                    validation = LinkEvaluator.evaluate(model, valid, known);
                    if (bestMetrics == null || validation.both().mrr() > bestMetrics.both().mrr()) {
                        bestMetrics = validation;
                        bestEpoch = epoch;
                        best = snapshot(model);
                        sinceBest = 0;
                    } else {
                        sinceBest++;
                    }
                }
                double loss = lossSum / Math.max(1, batches);
                progress.epoch(epoch, settings.epochs(), loss, validation, seconds);
                if (!Double.isFinite(loss)) {
                    // diverged: more epochs cannot recover, the best validated parameters are kept below
                    log.warn("Training diverged at epoch {} (loss {}); keeping the best validated parameters", epoch, loss);
                    if (best == null) {
                        throw new IllegalStateException("training diverged at epoch " + epoch + " before any validation");
                    }
                    break;
                }
            }
            double total = (System.nanoTime() - started) / 1e9;
            if (best != null) {
                ComplEx restored = ComplEx.read(new ByteArrayInputStream(best), model.rank(), relationCount, settings.reciprocal(), device);
                model.close();
                model = restored;
            }
            return new Run(model, bestMetrics, epoch, best == null ? epoch : bestEpoch, total, total / epoch);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static byte[] snapshot(ComplEx model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            model.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void shuffle(int[][] rows, Random random) {
        for (int i = rows.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int[] tmp = rows[i];
            rows[i] = rows[j];
            rows[j] = tmp;
        }
    }
}
