package io.relata.cli;

import io.relata.facts.FactFormat;
import io.relata.facts.FactIngestor;
import io.relata.facts.ImportSummary;
import io.relata.imports.Gzip;
import io.relata.imports.ImportOptions;
import io.relata.imports.KnowledgeFormat;
import io.relata.imports.KnowledgeImporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code import --file FILE}: streams a file of facts into the configured store and prints the summary as JSON. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Imports facts, an RDF graph or a GEDCOM family tree into the configured store (relata.home, "
                + "spring.datasource.*) and prints one JSON line: lines (records) read, facts added, duplicates, "
                + "rejected records with their line and reason. A name ending in .gz is read through gzip.")
final class ImportCommand implements Callable<Integer> {


    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--file", paramLabel = "FILE", required = true,
            description = "The file: TSV, CSV, NDJSON, N-Triples, N-Quads, Turtle, RDF/XML or GEDCOM, maybe .gz")
    Path file;

    @Option(names = "--format", paramLabel = "tsv|csv|ndjson|nt|nq|ttl|rdfxml|gedcom",
            description = "The file's format (default: from its extension: .tsv/.txt, .csv, .ndjson/.jsonl, .nt, .nq, "
                    + ".ttl, .rdf/.owl/.xml, .ged; then .gz)")
    String format;

    @Option(names = "--source", paramLabel = "NAME",
            description = "Where the facts came from; for GEDCOM the prefix of its keys (default: the file's name "
                    + "without its extensions, so royal.ged gives royal:I1)")
    String source;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "RDF: the profile mapping the vocabulary (wikidata, dbpedia, schema, or one posted)")
    String profile;

    @Option(names = "--lang", paramLabel = "TAG", defaultValue = "en",
            description = "RDF: the language labels are taken in (default ${DEFAULT-VALUE})")
    String lang;

    @CommandLine.Mixin
    SpringSettings settings;

    @Override
    public Integer call() throws IOException {
        CommandLine commandLine = spec.commandLine();
        List<String> springSettings = settings.checked(commandLine);
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(commandLine, "--file " + file + " is not a readable file");
        }
        boolean gzip = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        Object parsedFormat = format(commandLine);
        try (ConfigurableApplicationContext context = ToolContext.start(springSettings, null);
                InputStream in = Files.newInputStream(file)) {
            ImportSummary summary = parsedFormat instanceof FactFormat own
                    ? context.getBean(FactIngestor.class).importFile(Gzip.decoded(in, gzip), own,
                            source == null ? "cli:" + file.getFileName() : source)
                    : context.getBean(KnowledgeImporter.class).importFile(in, (KnowledgeFormat) parsedFormat,
                            new ImportOptions(source == null ? baseName(file) : source, profile, lang, gzip));
            for (ImportSummary.Rejection rejection : summary.rejected()) {
                commandLine.getErr().println("line " + rejection.line() + ": " + rejection.reason());
            }
            commandLine.getOut().println(Json.LINE.writeValueAsString(summary));
            commandLine.getOut().flush();
            return 0;
        }
    }

    /** A FactFormat for relata's own formats, a KnowledgeFormat for RDF and GEDCOM. */
    private Object format(CommandLine commandLine) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "tsv", "txt" -> FactFormat.TSV;
                case "csv" -> FactFormat.CSV;
                case "ndjson", "jsonl" -> FactFormat.NDJSON;
                case "nt", "ntriples", "n-triples" -> KnowledgeFormat.NTRIPLES;
                case "nq", "nquads", "n-quads" -> KnowledgeFormat.NQUADS;
                case "ttl", "turtle" -> KnowledgeFormat.TURTLE;
                case "rdf", "rdfxml", "rdf/xml", "owl" -> KnowledgeFormat.RDFXML;
                case "ged", "gedcom" -> KnowledgeFormat.GEDCOM;
                default -> throw new CommandLine.ParameterException(commandLine,
                        "--format must be tsv, csv, ndjson, nt, nq, ttl, rdfxml or gedcom, was " + format);
            };
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String plain = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        Optional<KnowledgeFormat> knowledge = KnowledgeFormat.ofFileName(plain);
        if (knowledge.isPresent()) {
            return knowledge.get();
        }
        return switch (extension(plain)) {
            case "tsv", "txt" -> FactFormat.TSV;
            case "csv" -> FactFormat.CSV;
            case "ndjson", "jsonl" -> FactFormat.NDJSON;
            default -> throw new CommandLine.ParameterException(commandLine, "cannot tell the format of " + file
                    + " from its name; give --format tsv|csv|ndjson|nt|nq|ttl|rdfxml|gedcom");
        };
    }

    /** royal.ged.gz → royal: a GEDCOM's default key prefix, with what a key prefix may not hold replaced by '-'. */
    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        String base = (dot <= 0 ? name : name.substring(0, dot)).replaceAll("[^A-Za-z0-9._-]", "-");
        return base.length() > 64 ? base.substring(0, 64) : base;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
