package io.relata.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relata.model.TrainingSettings;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static Arguments parse(String... args) {
        return Arguments.parse(args, Cli.COMMANDS);
    }

    @Test
    void readsValuesFlagsAndInlineValues() {
        Arguments a = parse("evaluate", "--dataset", "data/kinship", "--rank=200", "--no-reciprocal");
        assertThat(a.command()).isEqualTo("evaluate");
        assertThat(a.required("dataset")).isEqualTo("data/kinship");
        assertThat(a.intValue("rank", 1)).isEqualTo(200);
        assertThat(a.flag("no-reciprocal")).isTrue();
        assertThat(a.intValue("epochs", 7)).isEqualTo(7);
    }

    @Test
    void handsRelataAndSpringSettingsOnToSpring() {
        Arguments a = parse("import", "--file", "f.tsv", "--relata.home=/tmp/x", "--spring.datasource.url=jdbc:h2:mem:a");
        assertThat(a.springArguments()).containsExactly("--relata.home=/tmp/x", "--spring.datasource.url=jdbc:h2:mem:a");
        assertThat(a.values()).containsOnlyKeys("file");
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> parse()).isInstanceOf(UsageException.class).hasMessageContaining("no command");
        assertThatThrownBy(() -> parse("serve")).hasMessageContaining("unknown command: serve");
        assertThatThrownBy(() -> parse("evaluate", "--dataset", "d", "--bogus", "1")).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> parse("import", "--rank", "3")).hasMessageContaining("unknown option for import: --rank");
        assertThatThrownBy(() -> parse("evaluate", "--dataset")).hasMessageContaining("--dataset needs a value");
        assertThatThrownBy(() -> parse("evaluate", "--rank", "--epochs", "3")).hasMessageContaining("--rank needs a value");
        assertThatThrownBy(() -> parse("evaluate", "--rank", "1", "--rank", "2")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> parse("evaluate", "kinship")).hasMessageContaining("unexpected argument: kinship");
        assertThatThrownBy(() -> parse("evaluate", "--no-reciprocal=yes")).hasMessageContaining("takes no value");
        assertThatThrownBy(() -> parse("train", "--relata.home")).hasMessageContaining("--relata.home=VALUE");
    }

    @Test
    void numbersMustParse() {
        assertThatThrownBy(() -> parse("evaluate", "--rank", "ten").intValue("rank", 1))
                .isInstanceOf(UsageException.class).hasMessageContaining("--rank must be a whole number");
        assertThatThrownBy(() -> parse("evaluate", "--n3", "NaN").floatValue("n3", 0))
                .hasMessageContaining("--n3 must be a number");
    }

    @Test
    void trainingOptionsOverrideTheDefaultsOnly() {
        TrainingSettings s = TrainingOptions.settings(parse("evaluate", "--rank", "200", "--n3", "0.05", "--no-reciprocal",
                "--validate-every", "1", "--seed", "7"));
        TrainingSettings d = TrainingSettings.defaults();
        assertThat(s).isEqualTo(new TrainingSettings(200, d.epochs(), d.batchSize(), d.learningRate(), 0.05f,
                d.initScale(), false, d.patience(), 1, 7L));
        assertThat(TrainingOptions.settings(parse("train"))).isEqualTo(d);
    }

    @Test
    void settingsOutOfRangeAreUsageErrors() {
        assertThatThrownBy(() -> TrainingOptions.settings(parse("evaluate", "--rank", "0")))
                .isInstanceOf(UsageException.class).hasMessageContaining("rank must be");
        assertThatThrownBy(() -> TrainingOptions.device(parse("evaluate", "--device", "tpu")))
                .isInstanceOf(UsageException.class).hasMessageContaining("auto, cpu or gpu");
    }

    @Test
    void importFormatComesFromTheOptionOrTheFileName() {
        assertThat(StoreCommands.format(null, java.nio.file.Path.of("facts.csv"))).isEqualTo(io.relata.facts.FactFormat.CSV);
        assertThat(StoreCommands.format(null, java.nio.file.Path.of("facts.jsonl"))).isEqualTo(io.relata.facts.FactFormat.NDJSON);
        assertThat(StoreCommands.format("tsv", java.nio.file.Path.of("facts.csv"))).isEqualTo(io.relata.facts.FactFormat.TSV);
        assertThatThrownBy(() -> StoreCommands.format(null, java.nio.file.Path.of("facts")))
                .isInstanceOf(UsageException.class).hasMessageContaining("--format");
        assertThatThrownBy(() -> StoreCommands.format("xml", java.nio.file.Path.of("facts.tsv")))
                .hasMessageContaining("--format must be tsv, csv or ndjson");
    }
}
