package io.relata.cli;

import io.relata.model.Calibration;
import io.relata.training.TrainingStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The folder one run of evaluate or train leaves behind, PyKEEN-style: {@code runs/<time>-<name>/} with
 * {@value #SETTINGS} (what was asked), {@value #METRICS} (one JSON line per epoch), {@value #RESULT} (what came of it)
 * and {@value #RELIABILITY} (the open-world reliability bins, which scripts/reliability-diagram.py draws).
 */
final class RunFolder implements Consumer<TrainingStep> {

    /** Where run folders are made unless --runs says otherwise. */
    static final String DEFAULT_ROOT = "runs";
    static final String SETTINGS = "settings.json";
    static final String METRICS = "metrics.jsonl";
    static final String RESULT = "result.json";
    static final String RELIABILITY = "reliability.json";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path folder;
    /** When the first step arrived: the epoch log counts seconds of training, not of starting up. */
    private long started = -1;

    private RunFolder(Path folder) {
        this.folder = folder;
    }

    /** A new folder under {@code root} named by the time and {@code name}; never one that exists. */
    static RunFolder create(Path root, String name) throws IOException {
        String base = TIME.format(Instant.now()) + "-" + name.replaceAll("[^A-Za-z0-9._-]", "_");
        Files.createDirectories(root);
        Path folder = root.resolve(base);
        for (int n = 2; ; n++) {
            try {
                Files.createDirectory(folder);
                return new RunFolder(folder);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                folder = root.resolve(base + "-" + n);
            }
        }
    }

    Path path() {
        return folder;
    }

    void writeSettings(Map<String, Object> settings) throws IOException {
        write(SETTINGS, settings);
    }

    void writeResult(Object result) throws IOException {
        write(RESULT, result);
    }

    /** The reliability bins of a calibration on questions it was not fitted on, with the title a diagram shows. */
    void writeReliability(Calibration.Reliability reliability, String title) throws IOException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", title);
        data.put("ece", reliability.ece());
        data.put("samples", reliability.samples());
        data.put("bins", reliability.bins());
        write(RELIABILITY, data);
    }

    /** Appends a line to the epoch log at the end of every epoch. */
    @Override
    public void accept(TrainingStep step) {
        if (started < 0) {
            started = System.nanoTime();
        }
        if (!step.endOfEpoch()) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("stage", step.stage().words());
        line.put("epoch", step.epoch());
        line.put("epochs", step.epochs());
        line.put("loss", step.loss());
        line.put("seconds", Math.round((System.nanoTime() - started) / 1e6) / 1e3);
        line.put("validation", step.validation());
        try (Writer out = Files.newBufferedWriter(folder.resolve(METRICS), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(Json.LINE.writeValueAsString(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String name, Object value) throws IOException {
        try (Writer out = Files.newBufferedWriter(folder.resolve(name), StandardCharsets.UTF_8)) {
            out.write(Json.PRETTY.writeValueAsString(value));
            out.write('\n');
        }
    }
}
