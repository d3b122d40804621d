package io.relata.imports.gedcom;

import io.relata.imports.gedcom.GedcomLine.Malformed;
import io.relata.imports.gedcom.GedcomLine.Tagged;
import io.relata.imports.gedcom.PhysicalLines.Raw;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a GEDCOM stream one level-0 record at a time, so a file of any size needs no more memory than its largest
 * record. The character set is found before any text is read: UTF-16 and a UTF-8 byte order mark from the first
 * bytes, otherwise the header's {@code 1 CHAR} line, read from the header's bytes before they are decoded.
 */
final class GedcomReader {

    /** A record past this many lines or characters is rejected unread rather than held in memory. */
    static final int MAX_RECORD_LINES = 100_000;
    static final int MAX_RECORD_CHARS = 4_000_000;

    /** Where the reader hands each record it read, and each it could not read by the line it starts on. */
    interface Handler {

        void record(GedcomNode record);

        /** {@code tag} is the record's level-0 tag, or null when its first line does not say. */
        void broken(long line, String tag, String reason);
    }

    private final Handler handler;
    private boolean version7;
    private boolean open;
    private long start;
    private String tag;
    private String problem;
    private int lineCount;
    private long charCount;
    private List<NodeBuilder> stack;

    private GedcomReader(Handler handler) {
        this.handler = handler;
    }

    static void read(InputStream in, Handler handler) throws IOException {
        new GedcomReader(handler).run(in);
    }

    private void run(InputStream in) throws IOException {
        PushbackInputStream input = new PushbackInputStream(in, 4);
        byte[] first = input.readNBytes(4);
        int bom = 0;
        int width = 1;
        boolean bigEndian = false;
        LineDecoder decoder = null;
        if (startsWith(first, 0xEF, 0xBB, 0xBF)) {
            bom = 3;
            decoder = LineDecoder.replacing(StandardCharsets.UTF_8);
        } else if (startsWith(first, 0xFF, 0xFE) || first.length >= 2 && first[0] != 0 && first[1] == 0) {
            bom = first[0] == (byte) 0xFF ? 2 : 0;
            width = 2;
            decoder = LineDecoder.replacing(StandardCharsets.UTF_16LE);
        } else if (startsWith(first, 0xFE, 0xFF) || first.length >= 2 && first[0] == 0 && first[1] != 0) {
            bom = first[0] == (byte) 0xFE ? 2 : 0;
            width = 2;
            bigEndian = true;
            decoder = LineDecoder.replacing(StandardCharsets.UTF_16BE);
        }
        input.unread(first, bom, first.length - bom);
        PhysicalLines lines = new PhysicalLines(input, width, bigEndian);
        List<Raw> header = List.of();
        if (decoder == null) {
            header = headerLines(lines);
            decoder = declaredCharset(header);
        }
        for (Raw raw : header) {
            feed(raw, decoder);
        }
        header = null; // a header may be megabytes: not held while the rest of the file is read
        for (Raw raw = lines.next(); raw != null; raw = lines.next()) {
            feed(raw, decoder);
        }
        finish();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The undecoded lines of the header record and the first line after it, or just the first line when it does not
     * start a header. Read as ISO-8859-1 they show their ASCII tags whatever the character set, which is all the
     * search for {@code CHAR} needs.
     */
    private static List<Raw> headerLines(PhysicalLines lines) throws IOException {
        List<Raw> header = new ArrayList<>();
        long bytes = 0;
        boolean inHeader = false;
        for (Raw raw = lines.next(); raw != null; raw = lines.next()) {
            header.add(raw);
            bytes += raw.bytes().length;
            String text = new String(raw.bytes(), StandardCharsets.ISO_8859_1);
            if (text.isBlank()) {
                continue;
            }
            GedcomLine line = GedcomLine.parse(raw.number(), text);
            boolean levelZero = line.level() == 0;
            if (!inHeader && !(levelZero && line instanceof Tagged tagged && tagged.tag().equals("HEAD"))) {
                break;
            }
            if (inHeader && levelZero || header.size() >= MAX_RECORD_LINES || bytes >= MAX_RECORD_CHARS) {
                break;
            }
            inHeader = true;
        }
        return header;
    }

    private static LineDecoder declaredCharset(List<Raw> header) {
        String charValue = null;
        String version = null;
        boolean inGedc = false;
        for (Raw raw : header) {
            if (GedcomLine.parse(raw.number(), new String(raw.bytes(), StandardCharsets.ISO_8859_1))
                    instanceof Tagged line) {
                if (line.level() == 1) {
                    inGedc = line.tag().equals("GEDC");
                    if (line.tag().equals("CHAR") && charValue == null) {
                        charValue = line.value();
                    }
                } else if (line.level() == 2 && inGedc && line.tag().equals("VERS") && version == null) {
                    version = line.value();
                }
            }
        }
        return LineDecoder.declared(charValue, version);
    }

    private void feed(Raw raw, LineDecoder decoder) {
        String text = decoder.decode(raw.bytes());
        if (text.isBlank()) {
            return;
        }
        GedcomLine line = GedcomLine.parse(raw.number(), text);
        if (line.level() == 0) {
            finish();
            begin(line.number(), line instanceof Tagged tagged ? tagged.tag() : null);
        } else if (!open) {
            begin(line.number(), null);
            fail("line " + line.number() + " comes before any level-0 line");
        }
        if (raw.cut()) {
            fail("line " + raw.number() + " is longer than " + PhysicalLines.MAX_LINE_BYTES + " bytes");
        }
        add(line, text.length());
    }

    private void begin(long number, String recordTag) {
        open = true;
        start = number;
        tag = recordTag;
        problem = null;
        lineCount = 0;
        charCount = 0;
        stack = new ArrayList<>();
    }

    private void fail(String reason) {
        if (problem == null) {
            problem = reason;
            stack = null;
        }
    }

    private void add(GedcomLine line, int length) {
        lineCount++;
        charCount += length;
        if (lineCount > MAX_RECORD_LINES) {
            fail("the record has more than " + MAX_RECORD_LINES + " lines");
        } else if (charCount > MAX_RECORD_CHARS) {
            fail("the record has more than " + MAX_RECORD_CHARS + " characters");
        }
        if (problem != null) {
            return;
        }
        if (line instanceof Malformed malformed) {
            fail(malformed.problem());
            return;
        }
        Tagged tagged = (Tagged) line;
        String value = unescape(tagged.value());
        if (tagged.level() == 0) {
            stack.add(new NodeBuilder(tagged.number(), tagged.xref(), tagged.tag(), value));
            return;
        }
        int depth = Math.min(tagged.level(), stack.size());
        stack.subList(depth, stack.size()).clear();
        NodeBuilder parent = stack.get(depth - 1);
        switch (tagged.tag()) {
            case "CONC" -> parent.value.append(value);
            case "CONT" -> parent.value.append('\n').append(value);
            default -> {
                NodeBuilder child = new NodeBuilder(tagged.number(), tagged.xref(), tagged.tag(), value);
                parent.children.add(child);
                stack.add(child);
            }
        }
    }

    /** GEDCOM writes a text's "@" as "@@": 5.5 everywhere, 7.0 only at the start of a value. */
    private String unescape(String value) {
        if (value.indexOf("@@") < 0) {
            return value;
        }
        if (version7) {
            return value.startsWith("@@") ? value.substring(1) : value;
        }
        return value.replace("@@", "@");
    }

    private void finish() {
        if (!open) {
            return;
        }
        open = false;
        if (problem != null) {
            handler.broken(start, tag, problem);
            return;
        }
        GedcomNode record = stack.get(0).build();
        stack = null;
        if (record.tag().equals("HEAD")) {
            version7 = record.first("GEDC").map(gedc -> gedc.firstValue("VERS").strip().startsWith("7"))
                    .orElse(false);
        }
        handler.record(record);
    }

    /** A structure while its lines are still being read. */
    private static final class NodeBuilder {
        final long line;
        final String xref;
        final String tag;
        final StringBuilder value;
        final List<NodeBuilder> children = new ArrayList<>();

        NodeBuilder(long line, String xref, String tag, String value) {
            this.line = line;
            this.xref = xref;
            this.tag = tag;
            this.value = new StringBuilder(value);
        }

        GedcomNode build() {
            return new GedcomNode(line, xref, tag, value.toString(), children.stream().map(NodeBuilder::build).toList());
        }
    }
}
