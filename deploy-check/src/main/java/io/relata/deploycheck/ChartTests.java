package io.relata.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cel.bundle.Cel;
import dev.cel.runtime.Program;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Chart tests in the manner of helm-unittest: each renders the chart with some values (files and --set) and then
 * expects the render to fail with a message, or asserts CEL expressions over {@code objects} (the rendered objects),
 * or expects named policies to be broken (which proves that those policies can fail). A render that is expected to
 * succeed must also pass the strict schema check and every policy it does not name.
 */
final class ChartTests {

    private final Path helm;
    private final Path chart;
    private final StrictParser parser;
    private final CelRules rules;

    ChartTests(Path helm, Path chart, StrictParser parser, CelRules rules) {
        this.helm = helm;
        this.chart = chart;
        this.parser = parser;
        this.rules = rules;
    }

    /** Runs every test of the file; prints a line per test and returns the number that failed. */
    int run(Path file) throws IOException, InterruptedException {
        JsonNode tests = new YAMLMapper().readTree(file.toFile()).path("tests");
        Cel cel = CelRules.environment();
        int failed = 0;
        for (JsonNode test : tests) {
            String name = test.path("name").asText();
            List<String> problems = runOne(cel, test);
            System.out.println((problems.isEmpty() ? "PASS test " : "FAIL test ") + name);
            problems.forEach(p -> System.out.println("     - " + p));
            failed += problems.isEmpty() ? 0 : 1;
        }
        return failed;
    }

    private List<String> runOne(Cel cel, JsonNode test) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(helm.toString(), "template", "relata", chart.toString(), "--namespace", "relata"));
        test.path("values").forEach(v -> command.addAll(List.of("-f", chart.resolve(v.asText()).toString())));
        test.path("set").forEach(v -> command.addAll(List.of("--set", v.asText())));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return List.of("helm template did not finish");
        }
        List<String> problems = new ArrayList<>();
        String fails = test.path("fails").asText("");
        if (!fails.isEmpty()) {
            if (process.exitValue() == 0) {
                problems.add("rendered, but should have failed with '" + fails + "'");
            } else if (!err.contains(fails)) {
                problems.add("failed, but not with '" + fails + "': " + err.strip().lines().findFirst().orElse(""));
            }
            return problems;
        }
        if (process.exitValue() != 0) {
            return List.of("helm template failed: " + err.strip());
        }
        StrictParser.Result render = parser.parse(out);
        problems.addAll(render.problems());
        List<String> expectedBroken = new ArrayList<>();
        test.path("violates").forEach(v -> expectedBroken.add(v.asText()));
        List<String> broken = rules.check(render.documents());
        for (String problem : broken) {
            if (expectedBroken.stream().noneMatch(rule -> problem.startsWith(rule + ": "))) {
                problems.add(problem);
            }
        }
        for (String rule : expectedBroken) {
            if (broken.stream().noneMatch(p -> p.startsWith(rule + ": "))) {
                problems.add("policy " + rule + " holds, but should be broken by this render");
            }
        }
        List<Object> objects = new ArrayList<>();
        render.documents().forEach(d -> objects.add(CelRules.plain(d)));
        int index = 0;
        for (JsonNode expectation : test.path("expect")) {
            index++;
            String expression = expectation.asText();
            Program program = CelRules.compile(cel, test.path("name").asText() + " #" + index, expression);
            CelRules.Rule rule = new CelRules.Rule("expect", List.of(), expression, "false: " + expression, program);
            Map<String, Object> vars = new java.util.LinkedHashMap<>();
            vars.put("objects", objects);
            vars.put("object", dev.cel.common.values.NullValue.NULL_VALUE);
            vars.put("podSpec", dev.cel.common.values.NullValue.NULL_VALUE);
            CelRules.verdict(rule, vars).ifPresent(problems::add);
        }
        return problems;
    }
}
