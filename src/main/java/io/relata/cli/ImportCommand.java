package io.relata.cli;

import io.relata.facts.FactFormat;
import io.relata.facts.FactIngestor;
import io.relata.facts.ImportSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code import --file FILE}: streams a file of facts into the configured store and prints the summary as JSON. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Imports facts into the configured store (relata.home, spring.datasource.*) and prints one JSON "
                + "line: lines read, facts added, duplicates, rejected lines with their reason.")
final class ImportCommand implements Callable<Integer> {


    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--file", paramLabel = "FILE", required = true, description = "The facts: TSV, CSV or NDJSON")
    Path file;

    @Option(names = "--format", paramLabel = "tsv|csv|ndjson",
            description = "The file's format (default: from its extension: .tsv/.txt, .csv, .ndjson/.jsonl)")
    String format;

    @CommandLine.Mixin
    SpringSettings settings;

    @Override
    public Integer call() throws IOException {
        CommandLine commandLine = spec.commandLine();
        List<String> springSettings = settings.checked(commandLine);
        FactFormat parsedFormat = format(commandLine);
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(commandLine, "--file " + file + " is not a readable file");
        }
        try (ConfigurableApplicationContext context = ToolContext.start(springSettings, null);
                InputStream in = Files.newInputStream(file)) {
            ImportSummary summary = context.getBean(FactIngestor.class).importFile(in, parsedFormat, "cli:" + file.getFileName());
            for (ImportSummary.Rejection rejection : summary.rejected()) {
                commandLine.getErr().println("line " + rejection.line() + ": " + rejection.reason());
            }
            commandLine.getOut().println(Json.LINE.writeValueAsString(summary));
            commandLine.getOut().flush();
            return 0;
        }
    }

    private FactFormat format(CommandLine commandLine) {
        String name = format != null ? format : extension(file);
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tsv", "txt" -> FactFormat.TSV;
            case "csv" -> FactFormat.CSV;
            case "ndjson", "jsonl" -> FactFormat.NDJSON;
            default -> throw new CommandLine.ParameterException(commandLine, format != null
                    ? "--format must be tsv, csv or ndjson, was " + format
                    : "cannot tell the format of " + file + " from its name; give --format tsv|csv|ndjson");
        };
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
