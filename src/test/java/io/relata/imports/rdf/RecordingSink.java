package io.relata.imports.rdf;

import io.relata.imports.ImportRecord;
import io.relata.imports.RecordSink;
import io.relata.imports.RelationDeclaration;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps what a reader hands it, in order, for tests to compare whole. */
class RecordingSink implements RecordSink {

    /** A line the reader could not read, and why. */
    record Rejection(long line, String reason) {}

    final List<ImportRecord> records = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    final List<RelationDeclaration> declarations = new ArrayList<>();

    @Override
    public void accept(ImportRecord record) {
        records.add(record);
    }

    @Override
    public void reject(long line, String reason) {
        rejections.add(new Rejection(line, reason));
    }

    @Override
    public void declare(RelationDeclaration declaration) {
        declarations.add(declaration);
    }

    /** The facts of the records, in order, each record's facts one after another. */
    List<io.relata.facts.KeyedFact> facts() {
        return records.stream().flatMap(record -> record.facts().stream()).toList();
    }

    /** The namings of the records, in order. */
    List<io.relata.facts.EntityNaming> namings() {
        return records.stream().flatMap(record -> record.entities().stream()).toList();
    }
}
