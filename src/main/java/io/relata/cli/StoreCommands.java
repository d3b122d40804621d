package io.relata.cli;

import io.relata.RelataApplication;
import io.relata.facts.FactFormat;
import io.relata.facts.FactGraph;
import io.relata.facts.FactIngestor;
import io.relata.facts.ImportSummary;
import io.relata.model.ModelManifest;
import io.relata.model.ModelRegistry;
import io.relata.model.ServingModel;
import io.relata.model.TrainedModel;
import io.relata.model.TrainingSettings;
import io.relata.model.Triples;
import io.relata.model.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    static final Set<String> TRAIN_VALUED = TrainingOptions.VALUED;

    /** Share of the stored facts held out for early stopping and calibration. */
    static final double HELD_OUT = 0.1;

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
     * Trains on every stored fact with {@value #HELD_OUT} of them held out, saves the model as a new version and
     * activates it. Kept small on purpose: the training-job orchestration (io.relata.training) is to take this over.
     */
    static int train(Arguments args, PrintStream out, PrintStream err) {
        TrainingSettings settings = TrainingOptions.settings(args);
        String device = TrainingOptions.device(args);
        try (ConfigurableApplicationContext context = spring(args)) {
            FactGraph graph = context.getBean(FactGraph.class);
            Map<Long, Integer> entityIndex = new LinkedHashMap<>();
            Map<String, Integer> relationIndex = new LinkedHashMap<>();
            List<int[]> rows = new ArrayList<>();
            MessageDigest digest = sha256();
            graph.forEachFact((subject, relation, object) -> {
                rows.add(new int[] {
                    entityIndex.computeIfAbsent(subject, k -> entityIndex.size()),
                    relationIndex.computeIfAbsent(relation, k -> relationIndex.size()),
                    entityIndex.computeIfAbsent(object, k -> entityIndex.size())});
                digest.update((subject + "\t" + relation + "\t" + object + "\n").getBytes(StandardCharsets.UTF_8));
            });
            if (rows.size() < 10) {
                err.println("the store holds " + rows.size() + " facts: too few to train on");
                return 1;
            }
            long[] ids = entityIndex.keySet().stream().mapToLong(Long::longValue).toArray();
            Map<Long, String> labels = new HashMap<>(graph.labels(entityIndex.keySet()));
            List<String> entityLabels = new ArrayList<>();
            for (long id : ids) {
                entityLabels.add(labels.getOrDefault(id, String.valueOf(id)));
            }
            Vocabulary vocabulary = new Vocabulary(ids, entityLabels, List.copyOf(relationIndex.keySet()));
            List<Triples> split = Triples.of(rows).split(HELD_OUT, settings.seed());
            err.printf("training on %d facts (%d held out), %d entities, %d relations%n",
                    split.get(0).size(), split.get(1).size(), ids.length, relationIndex.size());
            ConsoleProgress progress = ConsoleProgress.forThisProcess(err);
            try (TrainedModel model = TrainedModel.train(split.get(0), split.get(1), ids.length, relationIndex.size(),
                    settings, device, progress)) {
                progress.finish();
                ModelManifest manifest = context.getBean(ModelRegistry.class).save(model, vocabulary, split.get(0).size(),
                        split.get(1).size(), java.util.HexFormat.of().formatHex(digest.digest()));
                context.getBean(ServingModel.class).activate(manifest.version());
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("version", manifest.version());
                result.put("activated", true);
                result.put("facts", rows.size());
                result.put("validation", manifest.validation());
                result.put("ece", manifest.reliability().ece());
                result.put("epochs", manifest.epochs());
                result.put("trainSeconds", manifest.trainSeconds());
                result.put("device", manifest.trainedOn());
                out.println(JSON.writeValueAsString(result));
                return 0;
            }
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

    private static ConfigurableApplicationContext spring(Arguments args) {
        return new SpringApplicationBuilder(RelataApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(args.springArguments().toArray(String[]::new));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
