package io.relata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.model.LinkMetrics;
import io.relata.training.StepTracker;
import io.relata.training.TrainingStage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    private static final LinkMetrics M = new LinkMetrics(0.5, 0.4, 0.6, 0.9, 10);
    private static final LinkMetrics.ByDirection VALIDATION = new LinkMetrics.ByDirection(M, M, M);
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong();
    private final StringWriter text = new StringWriter();

    /** Two epochs of four batches, a second per batch, then a refit of one epoch, each batch also a second. */
    private String drive(boolean terminal) {
        ConsoleProgress console = new ConsoleProgress(new PrintWriter(text, true), terminal, clock::get);
        StepTracker tracker = new StepTracker(true, console, clock::get);
        tracker.stage(TrainingStage.CHOOSING_EPOCHS);
        for (int epoch = 1; epoch <= 2; epoch++) {
            for (int batch = 1; batch <= 4; batch++) {
                clock.addAndGet(SECOND);
                tracker.batch(epoch, 2, batch, 4);
            }
            tracker.epoch(epoch, 2, 2.5 / epoch, epoch == 2 ? VALIDATION : null, 4);
        }
        tracker.stage(TrainingStage.REFITTING);
        for (int batch = 1; batch <= 4; batch++) {
            clock.addAndGet(SECOND);
            tracker.batch(1, 1, batch, 4);
        }
        tracker.epoch(1, 1, 1.0, null, 4);
        tracker.stage(TrainingStage.SAVING);
        console.finish();
        return text.toString();
    }

    @Test
    void onATerminalTheBarMovesWithEveryBatchAndShowsBothStages() {
        String shown = drive(true);
        assertThat(shown.split("\r").length).isGreaterThan(12);
        assertThat(shown).contains("choosing epochs  epoch 1/2  batch 1/4").contains("batch 3/4")
                .contains("refitting  epoch 1/1  batch 2/4").contains("valid MRR 0.5000").contains("saving");
    }

    @Test
    void theTimeLeftIsMeasuredAndCountsTheRefitWhileTheEpochsAreChosen() {
        String shown = drive(true);
        // after the first batch: 7 batches of this stage and about one epoch of refit (4 batches) at 1 s each
        assertThat(shown).contains("batch 1/4  at most 0m11s left");
        assertThat(shown).contains("refitting  epoch 1/1  batch 1/4  valid MRR 0.5000  0m03s left");
        assertThat(shown).doesNotContain("0m00s");
    }

    @Test
    void withoutATerminalEachEpochAndStageIsOnePlainLine() {
        String[] lines = drive(false).split("\n");
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("\r"));
        assertThat(lines[0]).startsWith("choosing epochs  epoch 1/2  batch 1/4");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("choosing epochs  epoch 2/2  batch 4/4  loss 1.2500"))
                .anySatisfy(line -> assertThat(line).startsWith("refitting"))
                .anySatisfy(line -> assertThat(line).isEqualTo("saving"));
        assertThat(lines.length).isLessThan(10);
    }

    @Test
    void durationsReadAsMinutesOrHours() {
        assertThat(ConsoleProgress.duration(65)).isEqualTo("1m05s");
        assertThat(ConsoleProgress.duration(7260)).isEqualTo("2h01m");
    }
}
