package io.relata.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StepTrackerTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong();
    private final List<TrainingStep> steps = new ArrayList<>();

    @Test
    void progressMovesWithEveryBatchAndTheTimeLeftIsMeasured() {
        StepTracker tracker = new StepTracker(false, steps::add, clock::get);
        tracker.stage(TrainingStage.CHOOSING_EPOCHS);
        for (int batch = 1; batch <= 10; batch++) {
            clock.addAndGet(2 * SECOND);
            tracker.batch(1, 5, batch, 10);
        }
        assertThat(steps).hasSize(10);
        assertThat(steps).extracting(TrainingStep::progress).isSorted();
        assertThat(steps.get(0).progress()).isCloseTo(StepTracker.TRAINING_SHARE / 50, within(1e-9));
        // 2 s a batch, 49 batches to go
        assertThat(steps.get(0).secondsLeft()).isCloseTo(98.0, within(1e-6));
        assertThat(steps.get(9).secondsLeft()).isCloseTo(80.0, within(1e-6));
    }

    @Test
    void aJobCountsTheRefitWhileChoosingAndMovesOnAfterIt() {
        StepTracker tracker = new StepTracker(true, steps::add, clock::get);
        tracker.stage(TrainingStage.CHOOSING_EPOCHS);
        clock.addAndGet(SECOND);
        tracker.batch(1, 4, 1, 2);
        // 7 choosing batches left and a refit as long as the epochs run so far (2 batches), 1 s each
        assertThat(steps.get(0).secondsLeft()).isCloseTo(9.0, within(1e-6));
        assertThat(steps.get(0).progress()).isLessThan(StepTracker.CHOOSING_SHARE);

        tracker.epoch(1, 4, 2.5, null, 2);
        tracker.stage(TrainingStage.REFITTING);
        clock.addAndGet(3 * SECOND);
        tracker.batch(1, 2, 1, 3);
        TrainingStep refit = steps.get(steps.size() - 1);
        assertThat(refit.stage()).isEqualTo(TrainingStage.REFITTING);
        assertThat(refit.loss()).as("no loss of the refit yet").isNull();
        assertThat(refit.progress()).isGreaterThanOrEqualTo(StepTracker.CHOOSING_SHARE).isLessThan(StepTracker.TRAINING_SHARE);
        assertThat(refit.secondsLeft()).isCloseTo(15.0, within(1e-6));

        tracker.stage(TrainingStage.SAVING);
        assertThat(steps.get(steps.size() - 1).progress()).isEqualTo(StepTracker.TRAINING_SHARE);
    }

    @Test
    void theEndOfAnEpochCarriesItsLossAndValidation() {
        StepTracker tracker = new StepTracker(false, steps::add, clock::get);
        tracker.stage(TrainingStage.CHOOSING_EPOCHS);
        clock.addAndGet(SECOND);
        tracker.batch(1, 2, 1, 1);
        tracker.epoch(1, 2, Double.NaN, null, 1);
        tracker.epoch(2, 2, 0.75, null, 1);
        assertThat(steps.get(0).endOfEpoch()).isFalse();
        assertThat(steps.get(1).endOfEpoch()).isTrue();
        assertThat(steps.get(1).loss()).isNull();
        assertThat(steps.get(2).loss()).isEqualTo(0.75);
    }

    @Test
    void beforeAnyBatchThereIsNoEstimate() {
        StepTracker tracker = new StepTracker(true, steps::add, clock::get);
        tracker.stage(TrainingStage.CHOOSING_EPOCHS);
        tracker.batch(1, 3, 0, 5);
        assertThat(steps.get(0).secondsLeft()).isNull();
    }
}
