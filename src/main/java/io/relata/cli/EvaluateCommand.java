package io.relata.cli;

import io.relata.model.Calibration;
import io.relata.model.Dataset;
import io.relata.model.LinkMetrics;
import io.relata.model.ModelManifest;
import io.relata.model.ModelRegistry;
import io.relata.model.OpenWorld;
import io.relata.model.TrainedModel;
import io.relata.model.TrainingSettings;
import io.relata.model.Vocabulary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code evaluate --dataset DIR}: trains on DIR/train.txt (validating on valid.txt), then measures the filtered
 * link-prediction protocol and the calibration error on test.txt, and prints the result as one JSON line. Plain Java:
 * no Spring context, no store.
 */
final class EvaluateCommand {

    static final Set<String> VALUED = union(TrainingOptions.VALUED, Set.of("dataset", "save-model", "reliability-png"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EvaluateCommand() {}

    static int run(Arguments args, PrintStream out, PrintStream err) throws IOException {
        Path folder = Path.of(args.required("dataset"));
        for (String split : new String[] {"train.txt", "valid.txt", "test.txt"}) {
            if (!Files.isRegularFile(folder.resolve(split))) {
                throw new UsageException("--dataset " + folder + " has no " + split);
            }
        }
        TrainingSettings settings = TrainingOptions.settings(args);
        String device = TrainingOptions.device(args);
        Dataset data = Dataset.read(folder);
        err.printf("%s: %d entities, %d relations, %d / %d / %d train / valid / test triples%n", data.name(),
                data.entities().size(), data.relations().size(), data.train().size(), data.valid().size(), data.test().size());
        ConsoleProgress progress = ConsoleProgress.forThisProcess(err);
        try (TrainedModel model = TrainedModel.train(data.train(), data.valid(), data.entities().size(),
                data.relations().size(), settings, device, progress)) {
            progress.finish();
            LinkMetrics.ByDirection test = model.evaluate(data.test(), data.train(), data.valid(), data.test());
            OpenWorld.ByDirection openWorld = model.openWorld(data.train(), data.valid(), data.test());
            Calibration.Reliability reliability = openWorld.reliability();
            Map<String, Object> result = result(data, test, openWorld, model);
            if (args.value("save-model").isPresent()) {
                ModelManifest manifest = ModelRegistry.at(Path.of(args.required("save-model")))
                        .save(model, vocabulary(data), data.train().size(), data.valid().size(), fingerprint(folder));
                err.println("saved model " + manifest.version() + " under " + args.required("save-model"));
                result.put("savedVersion", manifest.version());
            }
            if (args.value("reliability-png").isPresent()) {
                Path png = Path.of(args.required("reliability-png"));
                ReliabilityDiagram.write(reliability, "Open-world reliability on " + data.name() + " test ("
                        + openWorld.both().queries() + " questions, " + percent(openWorld.both().noAnswerShare())
                        + " without an answer)", png);
                err.println("wrote " + png);
            }
            out.println(JSON.writeValueAsString(result));
            return 0;
        }
    }

    /** The result line: the fields the issue fixes first, in its order, then the extras. */
    static Map<String, Object> result(Dataset data, LinkMetrics.ByDirection test, OpenWorld.ByDirection openWorld,
            TrainedModel model) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("dataset", data.name());
        result.put("entities", data.entities().size());
        result.put("testTriples", data.test().size());
        result.put("forward", metrics(test.forward()));
        result.put("inverse", metrics(test.inverse()));
        result.put("both", metrics(test.both()));
        result.put("ece", round(openWorld.both().answerableEce()));
        Map<String, Object> world = figures(openWorld.both());
        world.put("forward", figures(openWorld.forward()));
        world.put("inverse", figures(openWorld.inverse()));
        result.put("openWorld", world);
        result.put("trainSeconds", round(model.seconds()));
        result.put("device", model.device());
        result.put("testTriplesWithUnseenEntities", data.testTriplesWithUnseenEntities());
        result.put("epochs", model.epochs());
        result.put("secondsPerEpoch", round(model.secondsPerEpoch()));
        result.put("validationMrr", round(model.validation().both().mrr()));
        result.put("settings", model.settings());
        return result;
    }

    /** The open-world figures in the order of api.md, then the extras. */
    private static Map<String, Object> figures(OpenWorld.Figures f) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("queries", f.queries());
        values.put("noAnswerShare", round(f.noAnswerShare()));
        values.put("ece", round(f.ece()));
        values.put("brier", round(f.brier()));
        values.put("precisionAt05", round(f.precisionAt05()));
        values.put("recallAt05", round(f.recallAt05()));
        values.put("confidentWrongPer100NoAnswer", round(f.confidentWrongPer100NoAnswer()));
        values.put("roleViolatingShare", round(f.roleViolatingShare()));
        return values;
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static Map<String, Object> metrics(LinkMetrics m) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("mrr", round(m.mrr()));
        values.put("hits1", round(m.hits1()));
        values.put("hits3", round(m.hits3()));
        values.put("hits10", round(m.hits10()));
        return values;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    /** A benchmark has no store ids: an entity's id is its index, its label its name in the files. */
    private static Vocabulary vocabulary(Dataset data) {
        long[] ids = IntStream.range(0, data.entities().size()).asLongStream().toArray();
        return new Vocabulary(ids, data.entities(), data.relations());
    }

    private static String fingerprint(Path folder) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String split : new String[] {"train.txt", "valid.txt"}) {
                digest.update(Files.readAllBytes(folder.resolve(split)));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
