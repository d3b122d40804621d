package io.relata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.model.LinkMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    private static final LinkMetrics M = new LinkMetrics(0.5, 0.4, 0.6, 0.9, 10);
    private static final LinkMetrics.ByDirection VALIDATION = new LinkMetrics.ByDirection(M, M, M);

    private static String drive(boolean terminal) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal);
        progress.epoch(1, 4, 2.5, null, 10);
        progress.epoch(2, 4, 2.0, VALIDATION, 10);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutATerminalEachEpochIsOnePlainLine() {
        String[] lines = drive(false).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("epoch 1/4 loss 2.5000").contains("at most 0m30s left").doesNotContain("\r");
        assertThat(lines[1]).contains("valid MRR forward 0.5000 inverse 0.5000 both 0.5000").contains("at most 0m20s left");
    }

    @Test
    void onATerminalOneBarIsRedrawnInPlace() {
        String text = drive(true);
        assertThat(text).doesNotContain("\n");
        assertThat(text.split("\r", -1)).hasSize(3);
        assertThat(text).contains("epoch 2/4").contains("valid MRR 0.5000").contains("0m20s left").contains("[############");
    }

    @Test
    void aBarEndsItsLineOnceWhetherTheRunEndsOnTimeOrEarly() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        progress.epoch(1, 2, 2.5, null, 1);
        progress.epoch(2, 2, 2.0, null, 1);
        progress.finish();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("   \n");

        ByteArrayOutputStream early = new ByteArrayOutputStream();
        ConsoleProgress stopped = new ConsoleProgress(new PrintStream(early, true, StandardCharsets.UTF_8), true);
        stopped.epoch(1, 9, 2.5, null, 1);
        stopped.finish();
        stopped.finish();
        assertThat(early.toString(StandardCharsets.UTF_8)).endsWith("   \n").doesNotContain("\n\n");
    }

    @Test
    void durationsReadAsMinutesOrHours() {
        assertThat(ConsoleProgress.duration(65)).isEqualTo("1m05s");
        assertThat(ConsoleProgress.duration(7260)).isEqualTo("2h01m");
    }
}
