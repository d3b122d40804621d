package io.relata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private CommandLine cli;

    private int run(String... args) {
        cli = RelataCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(RelataCommand.withDefaultCommand(args));
    }

    @Test
    void noArgumentsOrOnlySettingsMeanServe() {
        assertThat(RelataCommand.withDefaultCommand(new String[] {})).containsExactly("serve");
        assertThat(RelataCommand.withDefaultCommand(new String[] {"--server.port=8081", "--relata.role=api"}))
                .containsExactly("serve", "--server.port=8081", "--relata.role=api");
        assertThat(RelataCommand.withDefaultCommand(new String[] {"--spring.datasource.url=jdbc:h2:mem:x;MODE=PostgreSQL"}))
                .startsWith("serve");
        assertThat(RelataCommand.withDefaultCommand(new String[] {"--help"})).containsExactly("--help");
        assertThat(RelataCommand.withDefaultCommand(new String[] {"-h"})).containsExactly("-h");
        assertThat(RelataCommand.withDefaultCommand(new String[] {"help"})).containsExactly("help");
        assertThat(RelataCommand.withDefaultCommand(new String[] {"train", "--epochs", "3"})).startsWith("train");
    }

    @Test
    void helpInEveryFormPrintsUsageAndSucceedsWithoutServing() {
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {"help"}}) {
            out.getBuffer().setLength(0);
            assertThat(run(args)).as(String.join(" ", args)).isZero();
            assertThat(out.toString()).startsWith("Usage: relata").contains("serve", "evaluate", "train", "import");
            assertThat(RelataCommand.serving(cli, 0)).isFalse();
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void eachCommandHasItsOwnHelp() {
        assertThat(run("evaluate", "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: relata evaluate").contains("--no-reciprocal", "--model=VERSION");
        out.getBuffer().setLength(0);
        assertThat(run("help", "train")).isZero();
        assertThat(out.toString()).startsWith("Usage: relata train").contains("--activate");
        out.getBuffer().setLength(0);
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: relata serve");
        assertThat(RelataCommand.serving(cli, 0)).isFalse();
    }

    @Test
    void usageShowsTheDefaultsTrainingUses() {
        run("train", "--help");
        assertThat(out.toString())
                .contains("(default: " + io.relata.model.TrainingSettings.DEFAULT_RANK + ")")
                .contains("(default: " + io.relata.model.TrainingSettings.DEFAULT_EPOCHS + ")")
                .contains("(default: 0.1)")
                .contains("(default: if-not-worse)");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitCodeTwo() {
        assertThat(run("evaluate", "--dataset", "x", "--ranks", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown options: '--ranks', '3'").contains("Possible solutions: --rank");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate");
    }

    @Test
    void aSettingWithoutADottedNameIsRefusedByTheStoreCommands() {
        assertThat(run("import", "--file", "facts.tsv", "--verbose")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--verbose'");
    }

    @Test
    void anOutOfRangeTrainingOptionIsAUsageErrorThatNamesIt(@TempDir Path dir) throws Exception {
        writeSplits(dir, "a\tr\tb\n");
        assertThat(run("evaluate", "--dataset", dir.toString(), "--rank", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("rank must be 1..4096");
    }

    @Test
    void evaluateNeedsADatasetWithAllThreeSplits(@TempDir Path dir) throws Exception {
        assertThat(run("evaluate")).isEqualTo(2);
        assertThat(err.toString()).contains("--dataset");
        Files.writeString(dir.resolve("train.txt"), "a\tr\tb\n");
        Files.writeString(dir.resolve("valid.txt"), "a\tr\tb\n");
        assertThat(run("evaluate", "--dataset", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("has no test.txt");
    }

    @Test
    void aSavedModelTakesNoTrainingOptions(@TempDir Path dir) throws Exception {
        writeSplits(dir, "a\tr\tb\n");
        assertThat(run("evaluate", "--dataset", dir.toString(), "--model", "v1", "--epochs", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("--model evaluates a saved version");
    }

    @Test
    void aMalformedDatasetFailsWithExitCodeOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("train.txt"), "a\tr\tb\n");
        Files.writeString(dir.resolve("valid.txt"), "a\tr\n");
        Files.writeString(dir.resolve("test.txt"), "a\tr\tb\n");
        assertThat(run("evaluate", "--dataset", dir.toString(), "--runs", dir.resolve("runs").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("valid.txt line 1");
    }

    private static void writeSplits(Path dir, String line) throws Exception {
        for (String split : new String[] {"train.txt", "valid.txt", "test.txt"}) {
            Files.writeString(dir.resolve(split), line);
        }
    }
}
