package io.relata.facts;

import io.relata.InvalidInputException;
import io.relata.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads facts from a TSV, CSV or NDJSON stream one record at a time, so a file of any size needs no more memory than
 * a record. Every line is decoded as strict UTF-8: a malformed line is rejected by its number, never patched. CSV is
 * read by RFC 4180 with Apache Commons CSV, so a quoted field may hold commas, quotes and line breaks, and a record is
 * reported by the line it starts on.
 */
final class FactFileReader {

    static final int MAX_LINE_LENGTH = 65_536;
    /** A CSV record may span lines; past this many characters it is rejected (most likely a quote left open). */
    static final int MAX_RECORD_LENGTH = MAX_LINE_LENGTH;
    private static final List<String> HEADER = List.of("subject", "relation", "object");
    private static final JsonMapper JSON = StrictJson.mapper();
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final Lines lines;
    private final FactFormat format;
    private final HeaderLine.Expected header;
    private boolean started;
    private CsvRecords csv;

    /** One non-blank record: a fact, or why it was rejected; {@code number} is the line it starts on. */
    record Line(long number, FactInput fact, String rejection) {}

    FactFileReader(InputStream in, FactFormat format) {
        this(in, format, HeaderLine.DEFAULT);
    }

    FactFileReader(InputStream in, FactFormat format, HeaderLine header) {
        this.lines = new Lines(in);
        this.format = format;
        this.header = header.expected(format);
    }

    /**
     * The next non-blank record, or null at the end of the stream.
     *
     * @throws InvalidInputException when the file cannot be read as its format at all: a CSV without its header, or
     *     a declared header that is not subject, relation, object
     */
    Line next() throws IOException {
        if (format == FactFormat.CSV) {
            if (csv == null) {
                csv = new CsvRecords();
            }
            return csv.next();
        }
        while (true) {
            Lines.Text line = lines.next();
            if (line == null) {
                return null;
            }
            if (line.problem() != null) {
                started = true;
                return new Line(line.number(), null, line.problem());
            }
            if (line.text().isBlank()) {
                continue;
            }
            boolean first = !started;
            started = true;
            if (format == FactFormat.TSV) {
                List<String> fields = Arrays.asList(line.text().split("\t", -1));
                if (first && isHeader(fields)) {
                    continue;
                }
                return parse(line.number(), () -> fromFields(fields, "tab-separated"));
            }
            return parse(line.number(), () -> fromJson(line.text()));
        }
    }

    /**
     * Whether the first record is the header: it must be when one is declared, may be when it is to be detected (then
     * only exactly subject, relation, object, in any case, counts), and is not when none is declared.
     */
    private boolean isHeader(List<String> fields) {
        if (header == HeaderLine.Expected.ABSENT) {
            return false;
        }
        boolean isHeader = fields.stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList().equals(HEADER);
        if (!isHeader && header == HeaderLine.Expected.PRESENT) {
            throw new InvalidInputException("a " + format.name() + " import must start with the header line subject"
                    + (format == FactFormat.CSV ? ",relation,object" : "<TAB>relation<TAB>object"));
        }
        return isHeader;
    }

    private interface FactParser {
        FactInput parse();
    }

    private static Line parse(long number, FactParser parser) {
        try {
            return new Line(number, parser.parse(), null);
        } catch (InvalidInputException e) {
            return new Line(number, null, e.getMessage());
        }
    }

    private static FactInput fromFields(List<String> fields, String kind) {
        if (fields.size() != 3) {
            throw new InvalidInputException("expected 3 " + kind + " fields (subject, relation, object), found " + fields.size());
        }
        return new FactInput(fields.get(0), fields.get(1), fields.get(2));
    }

    private static FactInput fromJson(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new InvalidInputException("not valid JSON" + (reason.startsWith("Duplicate") ? ": " + reason : ""));
        }
        return FactInput.fromJson(node);
    }

    /**
     * CSV records from the lines. The parser is fed at most the rest of one line per read, so when a record fails
     * (a line that is not UTF-8, a quote out of place, a record too long) nothing but that line is lost: the record
     * is rejected by the line it started on, and a new parser goes on from the next line.
     */
    private final class CsvRecords {

        private final LineReader reader = new LineReader();
        private Iterator<CSVRecord> records;
        private CSVParser parser;
        private long base;

        Line next() throws IOException {
            while (true) {
                if (records == null) {
                    reader.startRecord();
                    base = lines.number();
                    parser = CSV.parse(reader);
                    records = parser.iterator();
                }
                long start = base + parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return null;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    records = null;
                    reader.skipRestOfLine();
                    started = true;
                    return new Line(start, null, reason(e.getCause(), start));
                }
                reader.startRecord();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                boolean first = !started;
                started = true;
                List<String> fields = record.toList();
                if (first && isHeader(fields)) {
                    continue;
                }
                return parse(start, () -> fromFields(fields, "comma-separated"));
            }
        }

        private static String reason(IOException failure, long start) {
            if (failure instanceof LineProblem problem) {
                return problem.line() == start ? problem.getMessage() : "line " + problem.line() + ": " + problem.getMessage();
            }
            String message = failure == null || failure.getMessage() == null ? "" : failure.getMessage();
            if (failure instanceof CSVException && message.contains("EOF reached before encapsulated token finished")) {
                return "unterminated quoted field: the file ends inside it";
            }
            if (failure instanceof CSVException && message.contains("Invalid character between encapsulated token")) {
                return "a character follows a closing quote (a quote inside a quoted field is written twice)";
            }
            return "not valid CSV";
        }
    }

    /** A line that cannot be part of a record; the record in progress is rejected with this reason. */
    private static final class LineProblem extends IOException {

        private final long line;

        LineProblem(long line, String reason) {
            super(reason);
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    /** The lines as one character stream, handed out no further than the end of the current line per read. */
    private final class LineReader extends Reader {

        private String current = "";
        private int position;
        private long recordLength;

        void startRecord() {
            recordLength = 0;
        }

        void skipRestOfLine() {
            position = current.length();
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (position >= current.length()) {
                Lines.Text line = lines.next();
                if (line == null) {
                    return -1;
                }
                current = "";
                position = 0;
                if (line.problem() != null) {
                    throw new LineProblem(line.number(), line.problem());
                }
                if (recordLength + line.text().length() > MAX_RECORD_LENGTH) {
                    throw new LineProblem(line.number(), "record longer than " + MAX_RECORD_LENGTH
                            + " characters (is a quote left open?)");
                }
                current = line.text() + "\n";
            }
            int n = Math.min(length, current.length() - position);
            current.getChars(position, position + n, buffer, offset);
            position += n;
            recordLength += n;
            return n;
        }

        @Override
        public void close() {
            // the import's stream belongs to the caller
        }
    }

    /**
     * The physical lines of the stream, each decoded as strict UTF-8, without its line end (LF or CRLF) and, on the
     * first line, without a byte order mark. A line longer than MAX_LINE_LENGTH is skipped as it is read, so it is
     * never held.
     */
    private static final class Lines {

        private static final int MAX_LINE_BYTES = 4 * MAX_LINE_LENGTH;

        private final InputStream in;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final byte[] chunk = new byte[1 << 16];
        private int chunkPosition;
        private int chunkEnd;
        private byte[] line = new byte[1024];
        private long number;

        /** A line's text, or why it cannot be read. */
        record Text(long number, String text, String problem) {}

        Lines(InputStream in) {
            this.in = in;
        }

        /** How many lines have been read. */
        long number() {
            return number;
        }

        Text next() throws IOException {
            int length = 0;
            boolean tooLong = false;
            boolean any = false;
            while (true) {
                if (chunkPosition >= chunkEnd) {
                    chunkEnd = in.read(chunk);
                    chunkPosition = 0;
                    if (chunkEnd <= 0) {
                        chunkEnd = 0;
                        if (!any) {
                            return null;
                        }
                        break;
                    }
                }
                any = true;
                int end = chunkPosition;
                while (end < chunkEnd && chunk[end] != '\n') {
                    end++;
                }
                int n = end - chunkPosition;
                if (!tooLong && length + n <= MAX_LINE_BYTES) {
                    if (length + n > line.length) {
                        line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, Math.max(line.length * 2, length + n)));
                    }
                    System.arraycopy(chunk, chunkPosition, line, length, n);
                    length += n;
                } else {
                    tooLong = true;
                }
                chunkPosition = end;
                if (end < chunkEnd) {
                    chunkPosition++;
                    break;
                }
            }
            number++;
            if (tooLong) {
                return new Text(number, null, "line longer than " + MAX_LINE_LENGTH + " characters");
            }
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            int start = 0;
            if (number == 1 && length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
                start = 3;
            }
            String text;
            try {
                text = utf8.decode(ByteBuffer.wrap(line, start, length - start)).toString();
            } catch (CharacterCodingException e) {
                return new Text(number, null, "not valid UTF-8");
            }
            if (text.length() > MAX_LINE_LENGTH) {
                return new Text(number, null, "line longer than " + MAX_LINE_LENGTH + " characters");
            }
            return new Text(number, text, null);
        }
    }
}
