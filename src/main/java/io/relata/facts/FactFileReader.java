package io.relata.facts;

import io.relata.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads facts from a TSV, CSV or NDJSON stream one line at a time, so a file of any size needs no more memory than a line. */
final class FactFileReader {

    static final int MAX_LINE_LENGTH = 65_536;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Reader reader;
    private final FactFormat format;
    private final StringBuilder buffer = new StringBuilder();
    private long lineNumber;
    private boolean headerRead;

    /** One non-blank line: a fact, or why the line was rejected. */
    record Line(long number, FactInput fact, String rejection) {}

    FactFileReader(InputStream in, FactFormat format) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        this.format = format;
    }

    /** The next non-blank data line, or null at the end of the stream. */
    Line next() throws IOException {
        while (true) {
            String text = readLine();
            if (text == null) {
                return null;
            }
            if (lineNumber == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (format == FactFormat.CSV && !headerRead) {
                headerRead = true;
                checkCsvHeader(text);
                continue;
            }
            if (text.isBlank()) {
                continue;
            }
            if (text.length() > MAX_LINE_LENGTH) {
                return new Line(lineNumber, null, "line longer than " + MAX_LINE_LENGTH + " characters");
            }
            if (text.indexOf('\uFFFD') >= 0) {
                return new Line(lineNumber, null, "not valid UTF-8");
            }
            return parse(text);
        }
    }

    private Line parse(String text) {
        try {
            FactInput fact = switch (format) {
                case TSV -> fromFields(List.of(text.split("\t", -1)), "tab-separated");
                case CSV -> fromFields(csvFields(text), "comma-separated");
                case NDJSON -> fromJson(text);
            };
            return new Line(lineNumber, fact, null);
        } catch (InvalidInputException e) {
            return new Line(lineNumber, null, e.getMessage());
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
            throw new InvalidInputException("not valid JSON");
        }
        return FactInput.fromJson(node);
    }

    private static void checkCsvHeader(String header) {
        List<String> names = csvFields(header).stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        if (!names.equals(List.of("subject", "relation", "object"))) {
            throw new InvalidInputException("a CSV import must start with the header line subject,relation,object");
        }
    }

    /** One RFC 4180 record on one line: commas separate, double quotes enclose, "" is a quote. */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new InvalidInputException("unterminated quoted field");
        }
        fields.add(field.toString());
        return fields;
    }

    /** A line without its end (LF or CRLF); past MAX_LINE_LENGTH the rest is skipped and only its length is kept. */
    private String readLine() throws IOException {
        buffer.setLength(0);
        boolean tooLong = false;
        int c;
        while ((c = reader.read()) != -1 && c != '\n') {
            if (buffer.length() <= MAX_LINE_LENGTH) {
                buffer.append((char) c);
            } else {
                tooLong = true;
            }
        }
        if (c == -1 && buffer.isEmpty() && !tooLong) {
            return null;
        }
        lineNumber++;
        if (!buffer.isEmpty() && buffer.charAt(buffer.length() - 1) == '\r') {
            buffer.setLength(buffer.length() - 1);
        }
        return buffer.toString();
    }
}
