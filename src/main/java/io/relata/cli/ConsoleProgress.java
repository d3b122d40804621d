package io.relata.cli;

import io.relata.training.TrainingStage;
import io.relata.training.TrainingStep;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Shows a training run's progress on stderr: on a terminal one bar redrawn in place as batches finish (stage, epoch,
 * batch, loss, last validation MRR, time left); otherwise a line per epoch and one every half minute within a long
 * epoch, which reads well in a log file.
 */
final class ConsoleProgress implements Consumer<TrainingStep> {

    private static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long LOG_LINE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private TrainingStage stage;
    private Double lastValidationMrr;
    private boolean barOpen;
    private long drawn = Long.MIN_VALUE / 2;

    ConsoleProgress(PrintWriter err, boolean terminal, LongSupplier nanoTime) {
        this.err = err;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    /** Draws a bar when the process has a terminal, plain lines otherwise. */
    static ConsoleProgress forThisProcess(PrintWriter err) {
        return new ConsoleProgress(err, System.console() != null, System::nanoTime);
    }

    @Override
    public void accept(TrainingStep step) {
        if (step.validation() != null) {
            lastValidationMrr = step.validation().both().mrr();
        }
        boolean newStage = step.stage() != stage;
        stage = step.stage();
        long now = nanoTime.getAsLong();
        if (terminal) {
            if (newStage || step.endOfEpoch() || now - drawn >= REDRAW_NANOS) {
                drawn = now;
                if (newStage) {
                    finish();
                }
                err.print("\r" + bar(step) + "   ");
                barOpen = true;
            }
        } else if (newStage || step.endOfEpoch() || now - drawn >= LOG_LINE_NANOS) {
            drawn = now;
            err.println(line(step));
        }
        err.flush();
    }

    /** Ends a bar, so that what follows starts on its own line. */
    void finish() {
        if (barOpen) {
            err.println();
            barOpen = false;
        }
    }

    String bar(TrainingStep step) {
        int filled = (int) Math.round(BAR_WIDTH * Math.min(1, Math.max(0, step.progress())));
        return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%% ", Math.round(step.progress() * 100)) + line(step);
    }

    String line(TrainingStep step) {
        StringBuilder text = new StringBuilder(step.stage().words());
        if (step.epochs() > 0 && (step.stage() == TrainingStage.CHOOSING_EPOCHS || step.stage() == TrainingStage.REFITTING)) {
            text.append(String.format(Locale.ROOT, "  epoch %d/%d  batch %d/%d", step.epoch(), step.epochs(), step.batch(),
                    step.batches()));
            if (step.loss() != null) {
                text.append(String.format(Locale.ROOT, "  loss %.4f", step.loss()));
            }
            if (lastValidationMrr != null) {
                text.append(String.format(Locale.ROOT, "  valid MRR %.4f", lastValidationMrr));
            }
            text.append("  ").append(timeLeft(step));
        }
        return text.toString();
    }

    /** The estimate, said as an upper bound while early stopping may still end the run sooner. */
    static String timeLeft(TrainingStep step) {
        if (step.secondsLeft() == null) {
            return "estimating time left";
        }
        if (step.secondsLeft() < 1) {
            return "finishing";
        }
        String left = duration(step.secondsLeft()) + " left";
        return step.stage() == TrainingStage.CHOOSING_EPOCHS ? "at most " + left : left;
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
