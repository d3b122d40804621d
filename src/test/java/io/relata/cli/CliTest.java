package io.relata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void onlyCommandWordsStartTheTool() {
        assertThat(Cli.handles(new String[] {"evaluate", "--dataset", "x"})).isTrue();
        assertThat(Cli.handles(new String[] {"train"})).isTrue();
        assertThat(Cli.handles(new String[] {"import"})).isTrue();
        assertThat(Cli.handles(new String[] {})).isFalse();
        assertThat(Cli.handles(new String[] {"--server.port=0"})).isFalse();
        assertThat(Cli.handles(new String[] {"serve"})).isFalse();
    }

    @Test
    void helpPrintsUsageOnStdoutAndSucceeds() {
        assertThat(run("evaluate", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: java -jar relata.jar").contains("--no-reciprocal");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void unknownOptionPrintsUsageOnStderrWithExitCodeTwo() {
        assertThat(run("evaluate", "--dataset", "x", "--ranks", "3")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option for evaluate: --ranks").contains("usage:");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void evaluateNeedsADatasetWithAllThreeSplits(@TempDir Path dir) throws Exception {
        assertThat(run("evaluate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("evaluate needs --dataset");
        Files.writeString(dir.resolve("train.txt"), "a\tr\tb\n");
        Files.writeString(dir.resolve("valid.txt"), "a\tr\tb\n");
        assertThat(run("evaluate", "--dataset", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("has no test.txt");
    }

    @Test
    void aMalformedDatasetFailsWithExitCodeOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("train.txt"), "a\tr\tb\n");
        Files.writeString(dir.resolve("valid.txt"), "a\tr\n");
        Files.writeString(dir.resolve("test.txt"), "a\tr\tb\n");
        assertThat(run("evaluate", "--dataset", dir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("valid.txt line 1");
    }
}
