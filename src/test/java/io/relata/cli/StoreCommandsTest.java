package io.relata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** import and train on a store of their own: the family fixture imported, then a training job run from the command line. */
class StoreCommandsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Result(int code, String out, String err) {
        JsonNode lastLine() {
            String[] lines = out.strip().split("\n");
            return JSON.readTree(lines[lines.length - 1]);
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = RelataCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void importsAGzippedGedcomTreeKeyedByTheFilesNameAndAgainAddsNothing(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("royal.ged.gz");
        try (InputStream in = getClass().getResourceAsStream("/fullstack/royal.ged");
                OutputStream out = new GZIPOutputStream(Files.newOutputStream(tree))) {
            in.transferTo(out);
        }
        String home = "--relata.home=" + dir.resolve("home");

        Result imported = run("import", "--file", tree.toString(), home);
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.lastLine().path("lines").asInt()).isEqualTo(13);
        assertThat(imported.lastLine().path("added").asInt()).isEqualTo(40);

        Result again = run("import", "--file", tree.toString(), "--source", "royal", home);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.lastLine().path("added").asInt()).as("the default source is the file's name, royal").isZero();
        assertThat(again.lastLine().path("duplicates").asInt()).isEqualTo(40);
    }

    @Test
    void importsTurtleWithAProfileNamedOnTheCommandLine(@TempDir Path dir) throws Exception {
        Path graph = Path.of(getClass().getResource("/fullstack/converses.ttl").toURI());
        Result unknown = run("import", "--file", graph.toString(), "--profile", "nobody", "--relata.home=" + dir.resolve("home"));
        assertThat(unknown.code()).isNotZero();
        assertThat(unknown.err()).contains("unknown import profile 'nobody'");

        Result imported = run("import", "--file", graph.toString(), "--relata.home=" + dir.resolve("home"));
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.lastLine().path("added").asInt()).isEqualTo(2);
    }

    @Test
    void importsAFileThenTrainsOnTheStoreAndKeepsTheRun(@TempDir Path dir) throws Exception {
        Path facts = Path.of(getClass().getResource("/kg/tiny/train.txt").toURI());
        String home = "--relata.home=" + dir.resolve("home");

        Result imported = run("import", "--file", facts.toString(), "--format", "tsv", home);
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.lastLine().path("added").asInt()).isEqualTo((int) Files.lines(facts).count());

        Result trained = run("train", "--rank", "8", "--epochs", "10", "--validate-every", "5", "--device", "cpu",
                "--runs", dir.resolve("runs").toString(), home);
        assertThat(trained.code()).as(trained.err()).isZero();
        JsonNode result = trained.lastLine();
        assertThat(result.path("status").asString()).isEqualTo("succeeded");
        assertThat(result.path("activated").asBoolean()).isTrue();
        assertThat(result.path("metrics").path("both").path("mrr").asDouble()).isPositive();
        assertThat(trained.err()).contains("choosing epochs").contains("refitting").doesNotContain("0m00s");

        Path run = Path.of(result.path("runFolder").asString());
        assertThat(run.getFileName().toString()).endsWith("-train");
        List<String> epochs = Files.readAllLines(run.resolve("metrics.jsonl"));
        assertThat(epochs).anySatisfy(line -> assertThat(line).contains("\"stage\":\"choosing epochs\""))
                .anySatisfy(line -> assertThat(line).contains("\"stage\":\"refitting\""));
        assertThat(JSON.readTree(run.resolve("reliability.json").toFile()).path("bins").size()).isEqualTo(10);
        assertThat(JSON.readTree(run.resolve("settings.json").toFile()).path("settings").path("rank").asInt()).isEqualTo(8);
    }
}
