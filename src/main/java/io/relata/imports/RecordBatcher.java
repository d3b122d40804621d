package io.relata.imports;

import io.relata.InvalidInputException;
import io.relata.facts.EntityNaming;
import io.relata.facts.FactIngestor;
import io.relata.facts.ImportSummary;
import io.relata.facts.IngestSummary;
import io.relata.facts.KeyedFact;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Takes a reader's records and stores them in batches of about {@code relata.ingest.batch-size} facts (and at most as
 * many namings: labels, aliases, descriptions ride along with the facts), a record always whole within one batch; a record that fails its checks is rejected by its line, never half-stored.
 * Keeps the counts and the first rejections for the summary, and the relation declarations for the end.
 */
final class RecordBatcher implements RecordSink {

    /** Declarations kept from one file; a file declaring more is an ontology, not a tree, and the rest are ignored. */
    static final int MAX_DECLARATIONS = 10_000;

    private final FactIngestor ingestor;
    private final String source;
    private final int maxReported;
    private final List<KeyedFact> facts = new ArrayList<>();
    private final List<EntityNaming> namings = new ArrayList<>();
    private final List<ImportSummary.Rejection> rejections = new ArrayList<>();
    private final Set<RelationDeclaration> declarations = new LinkedHashSet<>();
    private long records;
    private long rejected;
    private long added;
    private long duplicates;
    private long lastLine;
    private long committedLine;

    RecordBatcher(FactIngestor ingestor, String source, int maxReported) {
        this.ingestor = ingestor;
        this.source = source;
        this.maxReported = maxReported;
    }

    @Override
    public void accept(ImportRecord record) {
        List<KeyedFact> checkedFacts = new ArrayList<>(record.facts().size());
        List<EntityNaming> checkedNamings = new ArrayList<>(record.entities().size());
        try {
            record.facts().forEach(f -> checkedFacts.add(ingestor.checked(f)));
            record.entities().forEach(n -> checkedNamings.add(ingestor.checked(n)));
        } catch (InvalidInputException e) {
            reject(record.line(), e.getMessage());
            return;
        }
        records++;
        facts.addAll(checkedFacts);
        namings.addAll(checkedNamings);
        lastLine = Math.max(lastLine, record.line());
        if (facts.size() >= ingestor.batchSize() || namings.size() >= ingestor.batchSize()) {
            long started = System.nanoTime();
            flush();
            ingestor.betweenBatches(started);
        }
    }

    @Override
    public void reject(long line, String reason) {
        rejected++;
        if (rejections.size() < maxReported) {
            rejections.add(new ImportSummary.Rejection(line, reason));
        }
    }

    @Override
    public void declare(RelationDeclaration declaration) {
        if (declarations.size() < MAX_DECLARATIONS) {
            declarations.add(declaration);
        }
    }

    /** Records accepted and rejected so far. */
    long records() {
        return records + rejected;
    }

    /** The last line of the records stored so far. */
    long committedLine() {
        return committedLine;
    }

    Set<RelationDeclaration> declarations() {
        return declarations;
    }

    /** Stores what is pending. */
    void flush() {
        if (facts.isEmpty() && namings.isEmpty()) {
            return;
        }
        IngestSummary written = ingestor.storeBatch(facts, namings, source, committedLine);
        added += written.added();
        duplicates += written.duplicates();
        committedLine = lastLine;
        facts.clear();
        namings.clear();
    }

    /** The summary, {@code lines} being the records (or triples) the reader read. */
    ImportSummary summary(long lines) {
        ingestor.countImported(added, duplicates, rejected);
        return new ImportSummary(lines, added, duplicates, List.copyOf(rejections), rejected);
    }
}
