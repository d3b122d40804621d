package io.relata.training;

import io.relata.model.LinkMetrics;
import io.relata.model.TrainingProgress;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns a run's batches and epochs into {@link TrainingStep}s: the share done and the time left, measured per batch.
 * A run that chooses its epochs and then refits on every fact counts the refit too: while the epochs are chosen, the
 * refit is expected to take as many epochs as have run so far, at the same pace.
 */
public final class StepTracker implements TrainingProgress {

    /** Share of the progress the epochs fill; calibrating and saving the model take the rest. */
    static final double TRAINING_SHARE = 0.95;
    /** Share of the progress that choosing the epochs fills when a refit follows. */
    static final double CHOOSING_SHARE = 0.6;

    private final boolean refitFollows;
    private final Consumer<TrainingStep> sink;
    private final LongSupplier nanoTime;
    private TrainingStage stage = TrainingStage.READING;
    private long stageStarted;
    private int epoch;
    private int epochs;
    private int batch;
    private int batches;
    private Double loss;

    /**
     * @param refitFollows whether a refit on every fact follows the choice of epochs (a training job), or the run ends
     *     with it (an evaluation)
     * @param sink receives every step
     * @param nanoTime the clock, {@code System::nanoTime} outside tests
     */
    public StepTracker(boolean refitFollows, Consumer<TrainingStep> sink, LongSupplier nanoTime) {
        this.refitFollows = refitFollows;
        this.sink = sink;
        this.nanoTime = nanoTime;
        this.stageStarted = nanoTime.getAsLong();
    }

    /** The run moved on to another stage. */
    public void stage(TrainingStage next) {
        stage = next;
        stageStarted = nanoTime.getAsLong();
        epoch = 0;
        batch = 0;
        loss = null;
        if (next == TrainingStage.SAVING) {
            sink.accept(step(TRAINING_SHARE, 0.0, null, false));
        }
    }

    @Override
    public void batch(int epoch, int epochs, int batch, int batches) {
        this.epoch = epoch;
        this.epochs = epochs;
        this.batch = batch;
        this.batches = batches;
        report(null, false);
    }

    @Override
    public void epoch(int epoch, int epochs, double loss, LinkMetrics.ByDirection validation, double secondsPerEpoch) {
        this.loss = Double.isFinite(loss) ? loss : null;
        report(validation, true);
    }

    private void report(LinkMetrics.ByDirection validation, boolean endOfEpoch) {
        double done = stageShareDone();
        double perBatch = secondsPerBatch();
        double progress;
        double left = perBatch * remainingBatches();
        if (stage == TrainingStage.REFITTING) {
            progress = CHOOSING_SHARE + (TRAINING_SHARE - CHOOSING_SHARE) * done;
        } else {
            progress = (refitFollows ? CHOOSING_SHARE : TRAINING_SHARE) * done;
            if (refitFollows) {
                left += perBatch * (long) epoch * batches;
            }
        }
        sink.accept(step(progress, Double.isFinite(left) ? left : null, validation, endOfEpoch));
    }

    private TrainingStep step(double progress, Double secondsLeft, LinkMetrics.ByDirection validation, boolean endOfEpoch) {
        return new TrainingStep(stage, epoch, epochs, batch, batches, Math.min(1, progress), secondsLeft, loss, validation,
                endOfEpoch);
    }

    /** Share of this stage's batches done, counting every epoch allowed. */
    private double stageShareDone() {
        long all = (long) epochs * batches;
        return all == 0 ? 0 : (double) batchesDone() / all;
    }

    private long batchesDone() {
        return epoch == 0 ? 0 : (long) (epoch - 1) * batches + batch;
    }

    private long remainingBatches() {
        return (long) epochs * batches - batchesDone();
    }

    private double secondsPerBatch() {
        long done = batchesDone();
        return done == 0 ? Double.NaN : (nanoTime.getAsLong() - stageStarted) / 1e9 / done;
    }
}
