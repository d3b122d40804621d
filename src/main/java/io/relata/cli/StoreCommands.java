package io.relata.cli;

import io.relata.RelataApplication;
import io.relata.facts.FactFormat;
import io.relata.facts.FactIngestor;
import io.relata.facts.ImportSummary;
import io.relata.model.TrainingSettings;
import io.relata.training.Activation;
import io.relata.training.JobStatus;
import io.relata.training.TrainingJob;
import io.relata.training.TrainingJobs;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code import} and {@code train}: commands on the configured store (relata.home, spring.datasource.*), run inside a
 * Spring context without the web server.
 */
final class StoreCommands {

    static final Set<String> IMPORT_VALUED = Set.of("file", "format");
    static final Set<String> TRAIN_VALUED = Cli.union(TrainingOptions.VALUED, Set.of("activate"));

    /** Share of the stored facts held out for early stopping and calibration. */
    static final double HELD_OUT = 0.1;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long POLL_MILLIS = 500;

    private StoreCommands() {}

    static int importFacts(Arguments args, PrintStream out, PrintStream err) throws IOException {
        Path file = Path.of(args.required("file"));
        FactFormat format = format(args.value("format").orElse(null), file);
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--file " + file + " is not a readable file");
        }
        try (ConfigurableApplicationContext context = spring(args);
                InputStream in = Files.newInputStream(file)) {
            ImportSummary summary = context.getBean(FactIngestor.class).importFile(in, format, "cli:" + file.getFileName());
            for (ImportSummary.Rejection rejection : summary.rejected()) {
                err.println("line " + rejection.line() + ": " + rejection.reason());
            }
            out.println(JSON.writeValueAsString(summary));
            return 0;
        }
    }

    /**
     * Trains on every stored fact as a training job (the same orchestration as POST /v1/training-jobs: facts of
     * symmetric relations learned both ways, {@value #HELD_OUT} held out, activated if not worse), waits for it and
     * prints its result as one JSON line.
     */
    static int train(Arguments args, PrintStream out, PrintStream err) throws InterruptedException {
        TrainingSettings settings = TrainingOptions.settings(args);
        Activation activation = activation(args);
        try (ConfigurableApplicationContext context = spring(args)) {
            TrainingJobs jobs = context.getBean(TrainingJobs.class);
            TrainingJob job = jobs.submit(new io.relata.training.TrainingOptions(settings, HELD_OUT, activation));
            ConsoleProgress progress = ConsoleProgress.forThisProcess(err);
            int shownEpoch = 0;
            while (!job.status().finished()) {
                Thread.sleep(POLL_MILLIS);
                job = jobs.find(job.id());
                if (job.epoch() > shownEpoch) {
                    shownEpoch = job.epoch();
                    progress.epoch(job.epoch(), job.epochs(), job.loss() == null ? Double.NaN : job.loss(), null, 0);
                }
            }
            progress.finish();
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
            out.println(JSON.writeValueAsString(result));
            return job.status() == JobStatus.SUCCEEDED ? 0 : 1;
        }
    }

    private static Activation activation(Arguments args) {
        String given = args.value("activate").orElse(Activation.IF_NOT_WORSE.wireName());
        try {
            return Activation.fromWire(given);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--activate must be if-not-worse, always or never, was " + given);
        }
    }

    static FactFormat format(String given, Path file) {
        String name = given != null ? given : extension(file);
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tsv", "txt" -> FactFormat.TSV;
            case "csv" -> FactFormat.CSV;
            case "ndjson", "jsonl" -> FactFormat.NDJSON;
            default -> throw new UsageException(given != null
                    ? "--format must be tsv, csv or ndjson, was " + given
                    : "cannot tell the format of " + file + " from its name; give --format tsv|csv|ndjson");
        };
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    /**
     * The service's context without its web server, logging to stderr; a tool run neither loads the demo families nor
     * starts a first-start training of its own.
     */
    private static ConfigurableApplicationContext spring(Arguments args) {
        List<String> settings = new ArrayList<>(args.springArguments());
        if (args.value("device").isPresent()) {
            settings.add("--relata.model.device=" + TrainingOptions.device(args));
        }
        return new SpringApplicationBuilder(RelataApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .bannerMode(Banner.Mode.OFF)
                .properties("relata.model.train-on-first-start=false", "relata.demo.enabled=false",
                        // log lines go to stderr, so that stdout carries only the command's JSON result
                        "logging.config=classpath:io/relata/cli/logback-evaluate.xml")
                .run(settings.toArray(String[]::new));
    }

}
