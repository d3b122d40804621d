package io.relata.cli;

import io.relata.model.ModelManifest;
import io.relata.model.ModelRegistry;
import io.relata.training.Activation;
import io.relata.training.JobStatus;
import io.relata.training.TrainingJob;
import io.relata.training.TrainingJobs;
import io.relata.training.TrainingOptions;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code train}: a training job on every stored fact, run in this process as POST /v1/training-jobs runs it, with its
 * progress on stderr, its result as one JSON line and a run folder.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs a training job on every stored fact of the configured store, as POST /v1/training-jobs does: a share "
                    + "is held out to choose the epochs and calibrate, then the model is trained again on every fact "
                    + "for the epochs chosen, saved as a version and activated if it is not worse than the active one.",
            "Prints one JSON line last and leaves a run folder under --runs."})
final class TrainCommand implements Callable<Integer> {

    private static final long POLL_MILLIS = 200;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--validation-share", paramLabel = "X", defaultValue = "" + TrainingOptions.DEFAULT_VALIDATION_SHARE,
            description = "Share of the facts held out, in (0, " + TrainingOptions.MAX_VALIDATION_SHARE
                    + "] (default: ${DEFAULT-VALUE})")
    double validationShare;

    @Option(names = "--activate", paramLabel = "if-not-worse|always|never", defaultValue = TrainingOptions.DEFAULT_ACTIVATION,
            description = "When the new model becomes the one that answers (default: ${DEFAULT-VALUE})")
    String activate;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = RunFolder.DEFAULT_ROOT,
            description = "Where the run folder is made (default: ${DEFAULT-VALUE})")
    java.nio.file.Path runs;

    @CommandLine.Mixin
    TrainingFlags training;

    @CommandLine.Mixin
    SpringSettings settings;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CommandLine commandLine = spec.commandLine();
        List<String> springSettings = settings.checked(commandLine);
        TrainingOptions options;
        try {
            options = new TrainingOptions(training.settings(commandLine), validationShare, Activation.fromWire(activate));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
        String device = training.device(commandLine);
        RunFolder run = RunFolder.create(runs, "train");
        Map<String, Object> asked = new LinkedHashMap<>();
        asked.put("command", "train");
        asked.put("settings", options.settings());
        asked.put("validationShare", options.validationShare());
        asked.put("activate", options.activation().wireName());
        asked.put("device", device);
        run.writeSettings(asked);
        try (ConfigurableApplicationContext context = ToolContext.start(springSettings, device)) {
            TrainingJobs jobs = context.getBean(TrainingJobs.class);
            ConsoleProgress console = ConsoleProgress.forThisProcess(commandLine.getErr());
            TrainingJob job = jobs.submit(options, console.andThen(run));
            while (!job.status().finished()) {
                Thread.sleep(POLL_MILLIS);
                job = jobs.find(job.id());
            }
            console.finish();
            Map<String, Object> result = result(job);
            result.put("runFolder", run.path().toString());
            if (job.modelVersion() != null) {
                ModelRegistry registry = context.getBean(ModelRegistry.class);
                String version = job.modelVersion();
                registry.list().stream().filter(m -> m.version().equals(version)).findFirst()
                        .map(ModelManifest::reliability)
                        .ifPresent(reliability -> writeReliability(run, reliability, version));
            }
            run.writeResult(result);
            commandLine.getErr().println("run folder: " + run.path());
            commandLine.getOut().println(Json.LINE.writeValueAsString(result));
            commandLine.getOut().flush();
            return job.status() == JobStatus.SUCCEEDED ? 0 : 1;
        }
    }

    private static void writeReliability(RunFolder run, io.relata.model.Calibration.Reliability reliability, String version) {
        try {
            run.writeReliability(reliability, "Open-world reliability of " + version + " on held-out questions");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> result(TrainingJob job) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("job", job.id());
        result.put("status", job.status().wireName());
        result.put("version", job.modelVersion());
        result.put("activated", job.activated());
        result.put("activation", job.activationReason());
        result.put("epochs", job.epoch());
        result.put("metrics", job.metrics());
        if (job.error() != null) {
            result.put("error", job.error());
        }
        return result;
    }
}
