package io.relata.cli;

import io.relata.RelataProperties;
import io.relata.model.Dataset;
import io.relata.model.LinkMetrics;
import io.relata.model.ModelManifest;
import io.relata.model.ModelRegistry;
import io.relata.model.OpenWorld;
import io.relata.model.SavedModel;
import io.relata.model.TrainedModel;
import io.relata.model.TrainingSettings;
import io.relata.model.Vocabulary;
import io.relata.training.StepTracker;
import io.relata.training.TrainingStage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code evaluate --dataset DIR}: trains on DIR/train.txt (validating on valid.txt), or opens a saved version, then
 * measures the filtered link-prediction protocol and the open-world calibration on test.txt, prints the result as one
 * JSON line and keeps the run in a run folder. Plain Java: no Spring context, no store.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Trains on DIR/train.txt (validating on valid.txt) or opens a saved model (--model), evaluates the filtered "
                    + "link-prediction protocol on test.txt (known = train, valid and test) per direction and the "
                    + "open-world calibration, and prints one JSON line last. No store is touched.",
            "Each run leaves a folder under --runs: settings.json, metrics.jsonl (one line per epoch), result.json and "
                    + "reliability.json (scripts/reliability-diagram.py draws it)."})
final class EvaluateCommand implements Callable<Integer> {

    private static final String LOGGING = "logback.configurationFile";
    private static final List<String> SPLITS = List.of("train.txt", "valid.txt", "test.txt");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "DIR", required = true,
            description = "A benchmark folder with train.txt, valid.txt and test.txt (head TAB relation TAB tail)")
    Path dataset;

    @Option(names = "--model", paramLabel = "VERSION",
            description = "Evaluate this saved version instead of training one (training options do not apply)")
    String model;

    @Option(names = "--models", paramLabel = "DIR",
            description = "The model registry --model reads (default: $RELATA_HOME/models, else ./relata-data/models)")
    Path models;

    @Option(names = "--save-model", paramLabel = "DIR", description = "Save the trained model as a version in this registry")
    Path saveModel;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = RunFolder.DEFAULT_ROOT,
            description = "Where the run folder is made (default: ${DEFAULT-VALUE})")
    Path runs;

    @CommandLine.Mixin
    TrainingFlags training;

    @Override
    public Integer call() throws IOException {
        CommandLine commandLine = spec.commandLine();
        if (System.getProperty(LOGGING) == null) {
            // no Spring here to configure logging: DJL's log lines go to stderr, stdout carries only the result
            System.setProperty(LOGGING, "io/relata/cli/logback-evaluate.xml");
        }
        for (String split : SPLITS) {
            if (!Files.isRegularFile(dataset.resolve(split))) {
                throw new CommandLine.ParameterException(commandLine, "--dataset " + dataset + " has no " + split);
            }
        }
        if (model != null && (TrainingFlags.anyGiven(commandLine) || saveModel != null)) {
            throw new CommandLine.ParameterException(commandLine,
                    "--model evaluates a saved version: training options and --save-model do not apply");
        }
        String device = training.device(commandLine) == null ? RelataProperties.Model.DEFAULT_DEVICE : training.device;
        TrainingSettings settings = model == null ? training.settings(commandLine) : null;
        PrintWriter out = commandLine.getOut();
        PrintWriter err = commandLine.getErr();
        Dataset data = Dataset.read(dataset);
        err.printf("%s: %d entities, %d relations, %d / %d / %d train / valid / test triples%n", data.name(),
                data.entities().size(), data.relations().size(), data.train().size(), data.valid().size(), data.test().size());
        err.flush();
        RunFolder run = RunFolder.create(runs, data.name());
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("command", "evaluate");
        asked.put("dataset", dataset.toAbsolutePath().normalize().toString());
        asked.put("device", device);
        if (model != null) {
            asked.put("model", model);
            asked.put("models", registryFolder().toString());
        } else {
            asked.put("settings", settings);
        }
        run.writeSettings(asked);

        Map<String, Object> result;
        if (model == null) {
            result = trainAndEvaluate(data, settings, device, run, err);
        } else {
            result = evaluateSaved(data, device, run, err);
        }
        result.put("runFolder", run.path().toString());
        run.writeResult(result);
        err.println("run folder: " + run.path());
        out.println(Json.LINE.writeValueAsString(result));
        out.flush();
        return 0;
    }

    private Map<String, Object> trainAndEvaluate(Dataset data, TrainingSettings settings, String device, RunFolder run,
            PrintWriter err) throws IOException {
        ConsoleProgress console = ConsoleProgress.forThisProcess(err);
        StepTracker tracker = new StepTracker(false, console.andThen(run), System::nanoTime);
        tracker.stage(TrainingStage.CHOOSING_EPOCHS);
        try (TrainedModel trained = TrainedModel.train(data.train(), data.valid(), data.entities().size(),
                data.relations().size(), settings, device, tracker)) {
            console.finish();
            Map<String, Object> result = evaluate(data, trained, run);
            result.put("epochs", trained.epochs());
            result.put("secondsPerEpoch", round(trained.secondsPerEpoch()));
            result.put("validationMrr", round(trained.validation().both().mrr()));
            result.put("settings", trained.settings());
            if (saveModel != null) {
                ModelManifest manifest = ModelRegistry.at(saveModel)
                        .save(trained, vocabulary(data), data.train().size(), data.valid().size(), fingerprint(dataset));
                err.println("saved model " + manifest.version() + " under " + saveModel);
                result.put("savedVersion", manifest.version());
            }
            return result;
        }
    }

    private Map<String, Object> evaluateSaved(Dataset data, String device, RunFolder run, PrintWriter err) {
        try (SavedModel saved = ModelRegistry.at(registryFolder()).open(model, device)) {
            Dataset mapped = data.inVocabulary(saved.vocabulary());
            if (mapped.test().size() == 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "model " + model
                        + " knows none of the entities and relations of the test facts of " + data.name());
            }
            err.printf("model %s: %d entities, %d relations; %d test triples name something it does not know%n", model,
                    saved.manifest().entities(), saved.manifest().relations(), mapped.testTriplesWithUnseenEntities());
            Map<String, Object> result = evaluate(mapped, saved.model(), run);
            result.put("testTriples", data.test().size());
            result.put("model", model);
            result.put("epochs", saved.model().epochs());
            result.put("settings", saved.model().settings());
            return result;
        }
    }

    /** The test metrics and the result line: the fields of api.md first, in its order, then the extras. */
    private static Map<String, Object> evaluate(Dataset data, TrainedModel model, RunFolder run) {
        LinkMetrics.ByDirection test = model.evaluate(data.test(), data.train(), data.valid(), data.test());
        OpenWorld.ByDirection openWorld = model.openWorld(data.train(), data.valid(), data.test());
        try {
            run.writeReliability(openWorld.reliability(), "Open-world reliability on " + data.name() + " test ("
                    + openWorld.both().queries() + " questions, " + Math.round(openWorld.both().noAnswerShare() * 100)
                    + "% without an answer)");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
        return result;
    }

    /** The folder of --model: --models, else the registry of relata.home as the service would use it. */
    private Path registryFolder() {
        if (models != null) {
            return models;
        }
        String home = System.getenv("RELATA_HOME");
        return Path.of(home == null || home.isBlank() ? RelataProperties.DEFAULT_HOME : home).resolve("models");
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
            for (String split : List.of("train.txt", "valid.txt")) {
                digest.update(Files.readAllBytes(folder.resolve(split)));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
