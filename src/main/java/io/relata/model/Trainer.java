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
 *
 * <p>A run whose loss stops being finite starts again from new random embeddings (the next seed), up to
 * {@value #MAX_RESTARTS} times: on the demo families about one fresh start in four diverged, the same seed and data
 * giving NaN in one process and not in the next, and a first start that keeps no model (or a degraded one) is worse
 * than one that takes a second longer. Only the last attempt falls back to the best validated parameters, or fails.
 */
final class Trainer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Trainer.class);

    /** Longest a training batch waits for questions that wait for the model in the same JVM. */
    private static final long YIELD_MILLIS = 50;

    private Trainer() {}

    /** Fresh starts after a diverged attempt, each from the next seed. */
    static final int MAX_RESTARTS = 3;

    /**
     * The best model of a run, its validation metrics, how long it took, and the settings it was trained with (the seed
     * of the attempt that did not diverge).
     */
    record Run(ComplEx model, LinkMetrics.ByDirection validation, int epochs, int bestEpoch, double seconds, double secondsPerEpoch,
            TrainingSettings settings, int restarts) {}

    /** An attempt whose loss stopped being finite at {@code epoch}. */
    private static final class Diverged extends RuntimeException {
        private final int epoch;

        Diverged(int epoch) {
            super(null, null, false, false);
            this.epoch = epoch;
        }
    }

    static Run train(Triples train, Triples valid, int entityCount, int relationCount, TrainingSettings settings,
            Device device, TrainingProgress progress) {
        TrainingSettings attempt = settings;
        for (int restart = 0; ; restart++) {
            try {
                return attempt(train, valid, entityCount, relationCount, attempt, device, progress, restart);
            } catch (Diverged e) {
                TrainingSettings next = attempt.withSeed(attempt.seed() + 1);
                log.warn("Training diverged at epoch {} with seed {}; starting again from seed {} ({} of {} restarts)",
                        e.epoch, attempt.seed(), next.seed(), restart + 1, MAX_RESTARTS);
                attempt = next;
            }
        }
    }

    private static Run attempt(Triples train, Triples valid, int entityCount, int relationCount, TrainingSettings settings,
            Device device, TrainingProgress progress, int restart) {
        boolean lastAttempt = restart == MAX_RESTARTS;
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
                    float batchLoss = model.trainStep(batch, settings.learningRate(), settings.n3Weight());
                    lossSum += batchLoss;
                    batches++;
                    if (!Float.isFinite(batchLoss)) {
                        break; // the epoch's loss is not finite either: no use finishing it
                    }
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
                    if (!lastAttempt) {
                        throw new Diverged(epoch);
                    }
                    // diverged on the last attempt: more epochs cannot recover, the best validated parameters are kept
                    log.warn("Training diverged at epoch {} (loss {}); keeping the best validated parameters", epoch, loss);
                    if (best == null) {
                        throw new IllegalStateException("training diverged at epoch " + epoch + " before any validation, "
                                + "after " + MAX_RESTARTS + " fresh starts from other seeds");
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
            return new Run(model, bestMetrics, epoch, best == null ? epoch : bestEpoch, total, total / epoch, settings, restart);
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
