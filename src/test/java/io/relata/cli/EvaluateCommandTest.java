package io.relata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.model.ModelRegistry;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs {@code evaluate} end to end on the family fixture (src/test/resources/kg/tiny, scripts/make-tiny-fixture.py). */
class EvaluateCommandTest {

    /**
     * Measured on the fixture with these settings: both-direction test MRR 0.816 (seed 42; 0.906 and 0.895 with seeds 1
     * and 2). The bound leaves room for platform differences in floating point.
     */
    private static final double MIN_BOTH_MRR = 0.70;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void trainsEvaluatesAndPrintsTheResultAsTheLastLine(@TempDir Path dir) throws Exception {
        Path fixture = Path.of(getClass().getResource("/kg/tiny/train.txt").toURI()).getParent();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(out, err, "evaluate", "--dataset", fixture.toString(), "--rank", "32", "--epochs", "20",
                "--batch-size", "50", "--device", "cpu", "--save-model", dir.resolve("models").toString(),
                "--runs", dir.resolve("runs").toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        JsonNode result = JSON.readTree(lines[lines.length - 1]);
        List<String> fields = new ArrayList<>(result.propertyNames());
        assertThat(fields.subList(0, 11)).containsExactly(
                "dataset", "entities", "testTriples", "forward", "inverse", "both", "ece", "openWorld", "trainSeconds",
                "device", "testTriplesWithUnseenEntities");
        assertThat(result.get("dataset").asString()).isEqualTo("tiny");
        assertThat(result.get("entities").asInt()).isEqualTo(61);
        assertThat(result.get("testTriples").asInt()).isEqualTo(30);
        assertThat(result.get("testTriplesWithUnseenEntities").asInt()).isZero();
        for (String direction : List.of("forward", "inverse", "both")) {
            JsonNode m = result.get(direction);
            assertThat(new ArrayList<>(m.propertyNames())).containsExactly("mrr", "hits1", "hits3", "hits10");
            assertThat(m.get("hits1").asDouble()).isLessThanOrEqualTo(m.get("hits3").asDouble());
            assertThat(m.get("hits3").asDouble()).isLessThanOrEqualTo(m.get("hits10").asDouble());
            assertThat(m.get("mrr").asDouble()).isBetween(m.get("hits1").asDouble(), 1.0);
        }
        assertThat(result.get("both").get("mrr").asDouble()).isGreaterThan(MIN_BOTH_MRR);
        assertThat(result.get("ece").asDouble()).isBetween(0.0, 1.0);
        JsonNode openWorld = result.get("openWorld");
        assertThat(new ArrayList<>(openWorld.propertyNames()).subList(0, 7)).containsExactly("queries", "noAnswerShare",
                "ece", "brier", "precisionAt05", "recallAt05", "confidentWrongPer100NoAnswer");
        // every test fact asked both ways, and at most as many questions without an answer
        assertThat(openWorld.get("queries").asInt()).isGreaterThan(60).isLessThanOrEqualTo(120);
        assertThat(openWorld.get("noAnswerShare").asDouble()).isBetween(0.0, 0.5);
        for (String direction : List.of("forward", "inverse")) {
            assertThat(openWorld.get(direction).get("queries").asInt()).isPositive();
            assertThat(openWorld.get(direction).get("ece").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(result.get("device").asString()).isEqualTo("cpu");
        assertThat(result.get("trainSeconds").asDouble()).isPositive();
        assertThat(result.get("settings").get("rank").asInt()).isEqualTo(32);

        assertThat(ModelRegistry.at(dir.resolve("models")).list()).singleElement()
                .satisfies(m -> assertThat(m.version()).isEqualTo(result.get("savedVersion").asString()));

        Path run = Path.of(result.get("runFolder").asString());
        assertThat(run.getParent()).isEqualTo(dir.resolve("runs"));
        assertThat(run.getFileName().toString()).endsWith("-tiny");
        assertThat(JSON.readTree(run.resolve("settings.json").toFile()).get("settings").get("rank").asInt()).isEqualTo(32);
        List<String> epochs = Files.readAllLines(run.resolve("metrics.jsonl"));
        assertThat(epochs).hasSize(result.get("epochs").asInt());
        JsonNode last = JSON.readTree(epochs.get(epochs.size() - 1));
        assertThat(last.get("stage").asString()).isEqualTo("choosing epochs");
        assertThat(last.get("validation").get("both").get("mrr").asDouble()).isPositive();
        assertThat(JSON.readTree(run.resolve("result.json").toFile())).isEqualTo(result);
        JsonNode reliability = JSON.readTree(run.resolve("reliability.json").toFile());
        assertThat(reliability.get("bins").size()).isEqualTo(10);
        assertThat(reliability.get("title").asString()).contains("tiny");

        // the saved version evaluated again, without training: the same test metrics
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        int saved = run(again, err, "evaluate", "--dataset", fixture.toString(), "--model", result.get("savedVersion").asString(),
                "--models", dir.resolve("models").toString(), "--device", "cpu", "--runs", dir.resolve("runs").toString());
        assertThat(saved).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String[] savedLines = again.toString(StandardCharsets.UTF_8).split("\n");
        JsonNode reevaluated = JSON.readTree(savedLines[savedLines.length - 1]);
        assertThat(reevaluated.get("model").asString()).isEqualTo(result.get("savedVersion").asString());
        assertThat(reevaluated.get("both")).isEqualTo(result.get("both"));
        assertThat(reevaluated.get("forward")).isEqualTo(result.get("forward"));
        assertThat(reevaluated.get("runFolder").asString()).isNotEqualTo(run.toString());
    }

    @Test
    void anUnknownSavedVersionFailsWithExitCodeOne(@TempDir Path dir) throws Exception {
        Path fixture = Path.of(getClass().getResource("/kg/tiny/train.txt").toURI()).getParent();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(new ByteArrayOutputStream(), err, "evaluate", "--dataset", fixture.toString(), "--model", "v-none",
                "--models", dir.resolve("models").toString(), "--runs", dir.resolve("runs").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("v-none");
    }

    private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        CommandLine cli = RelataCommand.commandLine();
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        return cli.execute(args);
    }
}
