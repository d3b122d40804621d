package io.relata.imports.gedcom;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What {@link GedcomReader} hands over from one stream, kept for assertions. */
final class ReadRecords implements GedcomReader.Handler {

    /** A record the reader could not read. */
    record Broken(long line, String tag, String reason) {}

    final List<GedcomNode> records = new ArrayList<>();
    final List<Broken> broken = new ArrayList<>();

    static ReadRecords of(byte[] bytes) throws IOException {
        return of(new ByteArrayInputStream(bytes));
    }

    static ReadRecords of(String text) throws IOException {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    static ReadRecords of(InputStream in) throws IOException {
        ReadRecords read = new ReadRecords();
        GedcomReader.read(in, read);
        return read;
    }

    @Override
    public void record(GedcomNode record) {
        records.add(record);
    }

    @Override
    public void broken(long line, String tag, String reason) {
        broken.add(new Broken(line, tag, reason));
    }

    GedcomNode record(String xref) {
        return records.stream().filter(record -> xref.equals(record.xref())).findFirst()
                .orElseThrow(() -> new AssertionError("no record @" + xref + "@ in " + tags()));
    }

    List<String> tags() {
        return records.stream().map(GedcomNode::tag).toList();
    }

    /** Each record as "line tag", to pin line numbers. */
    List<String> starts() {
        return records.stream().map(record -> record.line() + " " + record.tag()).toList();
    }
}
