package io.relata.deploycheck;

import io.fabric8.kubernetes.api.model.HasMetadata;
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
 * Validates `helm template` output offline, for .ci/check-deploy.
 *
 * <pre>ManifestCheck [-app-properties application.properties] [-gpu] render.yaml [[-gpu] render.yaml]...</pre>
 *
 * Every document must parse strictly into its Kubernetes API type ({@link StrictParser}) and pass {@link ChartRules};
 * a render preceded by -gpu must also pass {@link GpuRules}. With -app-properties, the readiness health group must
 * include the model and the liveness group must not. Before any of that, the parser has to reject a set of known-bad
 * documents, so that a check which silently accepts everything cannot pass. Prints one line per render and a
 * summary; exits 1 on any problem, 2 on bad usage.
 */
public final class ManifestCheck {

    private ManifestCheck() {}

    public static void main(String[] args) throws IOException {
        List<Path> renders = new ArrayList<>();
        List<Path> gpuRenders = new ArrayList<>();
        Path appProperties = null;
        boolean nextIsGpu = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-gpu" -> nextIsGpu = true;
                case "-app-properties" -> appProperties = Path.of(args[++i]);
                default -> {
                    Path file = Path.of(args[i]);
                    renders.add(file);
                    if (nextIsGpu) {
                        gpuRenders.add(file);
                    }
                    nextIsGpu = false;
                }
            }
        }
        if (renders.isEmpty()) {
            System.err.println("usage: ManifestCheck [-app-properties FILE] [-gpu] RENDER.yaml...");
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

        for (Path file : renders) {
            StrictParser.Result result = parser.parse(Files.readString(file));
            List<String> found = new ArrayList<>(result.problems());
            found.addAll(ChartRules.check(result.objects()));
            boolean gpu = gpuRenders.contains(file);
            if (gpu) {
                found.addAll(GpuRules.check(result.objects()));
            }
            String label = file.getFileName().toString().replaceFirst("\\.ya?ml$", "") + (gpu ? " (+GPU checks)" : "");
            System.out.printf("%s %-32s %2d objects: %s%n", found.isEmpty() ? "PASS" : "FAIL", label,
                    result.objects().size(), kinds(result.objects()));
            found.forEach(p -> System.out.println("     - " + p));
            problems += found.size();
        }

        if (appProperties != null) {
            List<String> found = healthGroups(appProperties);
            System.out.println((found.isEmpty() ? "PASS " : "FAIL ") + "health groups in " + appProperties
                    + ": readiness includes the model, liveness does not");
            found.forEach(p -> System.out.println("     - " + p));
            problems += found.size();
        }

        System.out.println(problems == 0 ? "deploy-check: all renders valid" : "deploy-check: " + problems + " problem(s)");
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

    private static String kinds(List<HasMetadata> objects) {
        Map<String, Integer> counts = new TreeMap<>();
        objects.forEach(o -> counts.merge(o.getKind(), 1, Integer::sum));
        StringBuilder out = new StringBuilder();
        counts.forEach((kind, n) -> out.append(out.length() == 0 ? "" : ", ").append(kind).append(n > 1 ? " x" + n : ""));
        return out.toString();
    }
}
