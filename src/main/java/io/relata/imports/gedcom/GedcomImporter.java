package io.relata.imports.gedcom;

import io.relata.TextInput;
import io.relata.imports.RecordSink;
import java.io.IOException;
import java.io.InputStream;

/** Reads a GEDCOM stream record by record and hands each INDI and FAM record to the sink as one ImportRecord. */
public final class GedcomImporter {

    private final GedcomRecords records;

    private GedcomImporter(String source) {
        this.records = new GedcomRecords(source);
    }

    /**
     * An importer whose entities are keyed {@code source:XREF} ({@code royal:I1}), so that the same xref in two
     * files names two people.
     *
     * @throws io.relata.InvalidInputException when the source is blank or holds a character a label may not
     */
    public static GedcomImporter forSource(String source) {
        return new GedcomImporter(TextInput.check("source", source, TextInput.SOURCE_LENGTH));
    }

    /**
     * Reads the stream to its end. A record that cannot be read (a malformed line, too many lines) is rejected by
     * the line it starts on and reading goes on at the next record; records other than INDI and FAM are skipped.
     *
     * @throws IOException only when the stream itself cannot be read
     */
    public void read(InputStream in, RecordSink sink) throws IOException {
        GedcomReader.read(in, new GedcomReader.Handler() {
            @Override
            public void record(GedcomNode record) {
                records.map(record, sink);
            }

            @Override
            public void broken(long line, String tag, String reason) {
                if (tag == null || tag.equals("INDI") || tag.equals("FAM")) {
                    sink.reject(line, reason);
                }
            }
        });
    }
}
