package io.relata.imports.gedcom;

import io.relata.facts.EntityNaming;
import io.relata.facts.KeyedFact;
import io.relata.imports.ImportRecord;
import io.relata.imports.RecordSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@link GedcomImporter} hands a sink from one stream, kept for assertions. */
final class ImportedRecords implements RecordSink {

    /** A record the sink was told is not stored. */
    record Rejection(long line, String reason) {}

    final List<ImportRecord> accepted = new ArrayList<>();
    final List<Rejection> rejected = new ArrayList<>();

    static ImportedRecords fixture(String source, String name) throws IOException {
        try (InputStream in = ImportedRecords.class.getResourceAsStream("/imports/gedcom/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return of(source, in);
        }
    }

    static ImportedRecords file(String source, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(source, in);
        }
    }

    static ImportedRecords of(String source, byte[] bytes) throws IOException {
        return of(source, new ByteArrayInputStream(bytes));
    }

    static ImportedRecords of(String source, InputStream in) throws IOException {
        ImportedRecords imported = new ImportedRecords();
        GedcomImporter.forSource(source).read(in, imported);
        return imported;
    }

    @Override
    public void accept(ImportRecord record) {
        accepted.add(record);
    }

    @Override
    public void reject(long line, String reason) {
        rejected.add(new Rejection(line, reason));
    }

    /** What the records say of the entity with this key; there must be exactly one. */
    EntityNaming naming(String key) {
        List<EntityNaming> namings = accepted.stream().flatMap(record -> record.entities().stream())
                .filter(naming -> naming.key().equals(key)).toList();
        if (namings.size() != 1) {
            throw new AssertionError(namings.size() + " namings of " + key);
        }
        return namings.get(0);
    }

    /** The record that names the entity with this key. */
    ImportRecord recordOf(String key) {
        return accepted.stream().filter(record -> record.entities().stream().anyMatch(e -> e.key().equals(key)))
                .findFirst().orElseThrow(() -> new AssertionError("no record names " + key));
    }

    /** Every fact as "subject-key relation object-key". */
    List<String> facts() {
        return accepted.stream().flatMap(record -> record.facts().stream()).map(ImportedRecords::text).toList();
    }

    static String text(KeyedFact fact) {
        return fact.subject().key() + " " + fact.relation() + " " + fact.object().key();
    }

    long individuals() {
        return accepted.stream().filter(record -> !record.entities().isEmpty()).count();
    }

    long families() {
        return accepted.stream().filter(record -> record.entities().isEmpty()).count();
    }
}
