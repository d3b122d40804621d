package io.relata.cli;

import io.relata.model.LinkMetrics;
import io.relata.model.TrainingProgress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows a training run's progress on stderr: on a terminal one bar redrawn in place (epoch k/n, loss, last validation
 * MRR, time left); otherwise one plain line per epoch, which reads well in a log file.
 */
final class ConsoleProgress implements TrainingProgress {

    private static final int BAR_WIDTH = 24;

    private final PrintStream err;
    private final boolean terminal;
    private double elapsed;
    private Double lastValidationMrr;
    private boolean barOpen;

    ConsoleProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Draws a bar when the process has a terminal, plain lines otherwise. */
    static ConsoleProgress forThisProcess(PrintStream err) {
        return new ConsoleProgress(err, System.console() != null);
    }

    @Override
    public void epoch(int epoch, int epochs, double loss, LinkMetrics.ByDirection validation, double seconds) {
        elapsed += seconds;
        if (validation != null) {
            lastValidationMrr = validation.both().mrr();
        }
        // an upper bound: early stopping may end the run sooner
        double left = elapsed / epoch * (epochs - epoch);
        if (terminal) {
            int filled = (int) Math.round((double) BAR_WIDTH * epoch / epochs);
            err.print(String.format(Locale.ROOT, "\r[%s%s] epoch %d/%d  loss %.4f  valid MRR %s  %s left   ",
                    "#".repeat(filled), " ".repeat(BAR_WIDTH - filled), epoch, epochs, loss, mrr(), duration(left)));
            barOpen = epoch < epochs;
            if (!barOpen) {
                err.println();
            }
        } else {
            String line = String.format(Locale.ROOT, "epoch %d/%d loss %.4f %.2fs", epoch, epochs, loss, seconds);
            if (validation != null) {
                line += String.format(Locale.ROOT, " valid MRR forward %.4f inverse %.4f both %.4f",
                        validation.forward().mrr(), validation.inverse().mrr(), validation.both().mrr());
            }
            err.println(line + " (at most " + duration(left) + " left)");
        }
        err.flush();
    }

    /** Ends a bar that stopped early, so that what follows starts on its own line. */
    void finish() {
        if (barOpen) {
            err.println();
            barOpen = false;
        }
    }

    private String mrr() {
        return lastValidationMrr == null ? "-" : String.format(Locale.ROOT, "%.4f", lastValidationMrr);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
