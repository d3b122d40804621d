package io.relata.facts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.relata.InvalidInputException;
import io.relata.RelataProperties;
import io.relata.TooLargeException;
import io.relata.WaitingQuestions;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/** Takes facts in: checks them, creates entities on first mention, and stores each fact once. */
@Service
public class FactIngestor {

    private final FactWriter writer;
    private final RelataProperties.Ingest settings;
    private final MeterRegistry meters;

    FactIngestor(FactWriter writer, RelataProperties properties, MeterRegistry meters) {
        this.writer = writer;
        this.settings = properties.ingest();
        this.meters = meters;
    }

    /** Stores all the facts or, when one is malformed, none: the error names the first bad element (0-based). */
    public IngestSummary ingest(List<FactInput> facts, String source) {
        if (facts.size() > settings.maxFactsPerRequest()) {
            throw new TooLargeException(facts.size() + " facts in one request; at most " + settings.maxFactsPerRequest()
                    + " are accepted (use POST /v1/facts/import for more)");
        }
        List<KeyedFact> cleaned = new ArrayList<>(facts.size());
        for (int i = 0; i < facts.size(); i++) {
            try {
                cleaned.add(FactCheck.keyed(facts.get(i), settings.maxLabelLength()));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("element " + i + ": " + e.getMessage());
            }
        }
        FactWriter.Written written = cleaned.isEmpty() ? new FactWriter.Written(0, 0)
                : writer.write(cleaned, List.of(), source);
        count("api", written.added(), written.duplicates(), 0);
        return new IngestSummary(facts.size(), written.added(), written.duplicates());
    }

    /** Streams a file in, committing every {@code relata.ingest.batch-size} facts; bad lines are reported, not stored. */
    public ImportSummary importFile(InputStream in, FactFormat format, String source) {
        return importFile(in, format, HeaderLine.DEFAULT, source);
    }

    /** As {@link #importFile(InputStream, FactFormat, String)}, with the header line declared present or absent. */
    public ImportSummary importFile(InputStream in, FactFormat format, HeaderLine header, String source) {
        FactFileReader reader = new FactFileReader(in, format, header);
        List<KeyedFact> batch = new ArrayList<>(settings.batchSize());
        List<ImportSummary.Rejection> rejections = new ArrayList<>();
        long lines = 0;
        long added = 0;
        long duplicates = 0;
        long rejected = 0;
        long committedLines = 0;
        try {
            FactFileReader.Line line;
            while ((line = reader.next()) != null) {
                lines++;
                String problem = line.rejection();
                if (problem == null) {
                    try {
                        batch.add(FactCheck.keyed(line.fact(), settings.maxLabelLength()));
                    } catch (InvalidInputException e) {
                        problem = e.getMessage();
                    }
                }
                if (problem != null) {
                    rejected++;
                    if (rejections.size() < settings.maxReportedRejections()) {
                        rejections.add(new ImportSummary.Rejection(line.number(), problem));
                    }
                }
                if (batch.size() >= settings.batchSize()) {
                    long started = System.nanoTime();
                    FactWriter.Written written = writeBatch(batch, List.of(), source, committedLines);
                    added += written.added();
                    duplicates += written.duplicates();
                    committedLines = line.number();
                    batch.clear();
                    stepAside(started);
                }
            }
            if (!batch.isEmpty()) {
                FactWriter.Written written = writeBatch(batch, List.of(), source, committedLines);
                added += written.added();
                duplicates += written.duplicates();
            }
        } catch (IOException e) {
            // the body broke off (a client gone, a malformed chunk): what was committed stays, the client resends
            throw new ImportFailedException(committedLines, "the body broke off during the import", e);
        } finally {
            count("import", added, duplicates, rejected);
        }
        return new ImportSummary(lines, added, duplicates, List.copyOf(rejections), rejected);
    }

    /** Adds another name for an entity; false if it already had it. */
    public boolean addAlias(long entityId, String alias) {
        return writer.addAlias(entityId, FactCheck.label("alias", alias, settings.maxLabelLength()));
    }

    /** A fact an importer made, as it would be stored; an InvalidInputException names what is wrong with it. */
    public KeyedFact checked(KeyedFact fact) {
        return FactCheck.checked(fact, settings.maxLabelLength());
    }

    /** What an importer says of an entity, as it would be stored; aliases that cannot be stored are left out. */
    public EntityNaming checked(EntityNaming naming) {
        return FactCheck.checked(naming, settings.maxLabelLength());
    }

    /**
     * Stores one batch of an import, checked beforehand ({@link #checked}), in one transaction. An import that fails
     * here stops: {@code committedLines} says up to which line the batches before it were stored.
     */
    public IngestSummary storeBatch(List<KeyedFact> facts, List<EntityNaming> namings, String source, long committedLines) {
        FactWriter.Written written = writeBatch(facts, namings, source, committedLines);
        return new IngestSummary(facts.size(), written.added(), written.duplicates());
    }

    /**
     * Turns the parent facts of an import whose parents' genders are now known into mother and father facts; run once
     * the whole file is read. Returns how many were turned.
     */
    public int resolveParents() {
        return writer.resolveParents();
    }

    /** Counts what an import of another format (RDF, GEDCOM) did, as imports of relata's own formats are counted. */
    public void countImported(long added, long duplicates, long rejected) {
        count("import", added, duplicates, rejected);
    }

    /** An import steps aside between its batches while questions wait (see {@link #stepAside}). */
    public void betweenBatches(long batchStartedNanos) {
        stepAside(batchStartedNanos);
    }

    /** The batch size of imports, in facts. */
    public int batchSize() {
        return settings.batchSize();
    }

    private FactWriter.Written writeBatch(List<KeyedFact> batch, List<EntityNaming> namings, String source,
            long committedLines) {
        try {
            return writer.write(batch, namings, source);
        } catch (DataAccessException e) {
            throw new ImportFailedException(committedLines, e);
        }
    }

    /**
     * Between two batches of an import, steps aside while questions wait for the model, at most as long as the batch
     * begun at {@code started} took: under a steady stream of questions an import keeps at least half its speed, and the
     * questions keep the cores they need. Not after the last batch, whose reply it would only delay.
     */
    private static void stepAside(long started) {
        WaitingQuestions.awaitQuiet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private void count(String channel, long added, long duplicates, long rejected) {
        ingested(channel, "added").increment(added);
        ingested(channel, "duplicate").increment(duplicates);
        ingested(channel, "rejected").increment(rejected);
    }

    private Counter ingested(String channel, String outcome) {
        return Counter.builder("relata.facts.ingested").tag("channel", channel).tag("outcome", outcome)
                .description("Facts received, by channel (api, import) and outcome (added, duplicate, rejected)")
                .register(meters);
    }
}
