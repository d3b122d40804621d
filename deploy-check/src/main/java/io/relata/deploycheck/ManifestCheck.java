package io.relata.deploycheck;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Validates `helm template` output offline and runs the chart's tests, for .ci/check-deploy.
 *
 * <pre>ManifestCheck -rules policies.yaml [-tests tests.yaml -helm HELM -chart DIR] [-app-properties FILE] RENDER.yaml...</pre>
 *
 * Every document of every render must parse strictly into its Kubernetes API type ({@link StrictParser}), hold to
 * every policy of the rules file ({@link CelRules}) and pass {@link ValueChecks}. With -tests, the chart tests run
 * ({@link ChartTests}). With -app-properties, the readiness health group must include the model and the liveness
 * group must not. Before any of that, the parser has to reject a set of known-bad documents, so that a check which
 * silently accepts everything cannot pass. Prints one line per render and test and a summary; exits 1 on any
 * problem, 2 on bad usage.
 */
public final class ManifestCheck {

    private ManifestCheck() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        List<Path> renders = new ArrayList<>();
        Map<String, Path> options = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("-") && i + 1 < args.length) {
                options.put(args[i], Path.of(args[++i]));
            } else {
                renders.add(Path.of(args[i]));
            }
        }
        if (renders.isEmpty() || !options.containsKey("-rules")) {
            System.err.println("usage: ManifestCheck -rules FILE [-tests FILE -helm HELM -chart DIR] [-app-properties FILE] RENDER.yaml...");
            System.exit(2);
        }

        StrictParser parser = new StrictParser();
        int problems = 0;
        List<String> selfTest = SelfTest.run(parser);
        if (selfTest.isEmpty()) {
            System.out.println("PASS strictness self-test: " + SelfTest.CASES + " bad documents rejected");
        } else {
            System.out.println("FAIL strictness self-test: the validator accepts what the API server refuses");
            selfTest.forEach(p -> System.out.println("     - " + p));
            problems += selfTest.size();
        }
        CelRules rules = CelRules.load(options.get("-rules"));
        System.out.println("     " + rules.size() + " policies from " + options.get("-rules"));

        for (Path file : renders) {
            StrictParser.Result result = parser.parse(Files.readString(file));
            List<String> found = new ArrayList<>(result.problems());
            found.addAll(rules.check(result.documents()));
            found.addAll(ValueChecks.check(result.objects()));
            String label = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            System.out.printf("%s %-24s %2d objects: %s%n", found.isEmpty() ? "PASS" : "FAIL", label,
                    result.documents().size(), kinds(result));
            found.forEach(p -> System.out.println("     - " + p));
            problems += found.size();
        }

        if (options.containsKey("-tests")) {
            ChartTests tests = new ChartTests(options.get("-helm"), options.get("-chart"), parser, rules);
            problems += tests.run(options.get("-tests"));
        }

        if (options.containsKey("-app-properties")) {
            Path appProperties = options.get("-app-properties");
            List<String> found = healthGroups(appProperties);
            System.out.println((found.isEmpty() ? "PASS " : "FAIL ") + "health groups in " + appProperties
                    + ": readiness includes the model, liveness does not");
            found.forEach(p -> System.out.println("     - " + p));
            problems += found.size();
        }

        System.out.println(problems == 0 ? "deploy-check: all renders valid, all tests passed" : "deploy-check: " + problems + " problem(s)");
        System.exit(problems == 0 ? 0 : 1);
    }

    private static List<String> healthGroups(Path file) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file)));
        List<String> problems = new ArrayList<>();
        List<String> readiness = members(p.getProperty("management.endpoint.health.group.readiness.include"));
        List<String> liveness = members(p.getProperty("management.endpoint.health.group.liveness.include"));
        if (!readiness.contains("model")) {
            problems.add("management.endpoint.health.group.readiness.include " + readiness + " lacks model");
        }
        if (liveness.isEmpty() || liveness.contains("model")) {
            problems.add("management.endpoint.health.group.liveness.include " + liveness + " must be set and leave out model");
        }
        return problems;
    }

    private static List<String> members(String value) {
        return value == null ? List.of() : List.of(value.trim().split("\\s*,\\s*"));
    }

    private static String kinds(StrictParser.Result result) {
        Map<String, Integer> counts = new TreeMap<>();
        result.documents().forEach(d -> counts.merge(d.path("kind").asText("?"), 1, Integer::sum));
        StringBuilder out = new StringBuilder();
        counts.forEach((kind, n) -> out.append(out.length() == 0 ? "" : ", ").append(kind).append(n > 1 ? " x" + n : ""));
        return out.toString();
    }
}
