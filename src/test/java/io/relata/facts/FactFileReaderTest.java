package io.relata.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relata.InvalidInputException;
import io.relata.facts.FactFileReader.Line;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactFileReaderTest {

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Line> readAll(FactFileReader reader) throws IOException {
        List<Line> lines = new ArrayList<>();
        for (Line line = reader.next(); line != null; line = reader.next()) {
            lines.add(line);
        }
        return lines;
    }

    private static List<Line> readAll(String text, FactFormat format) throws IOException {
        return readAll(new FactFileReader(bytes(text), format));
    }

    private static Line fact(long number, String subject, String relation, String object) {
        return new Line(number, new FactInput(subject, relation, object), null);
    }

    // --- TSV

    @Test
    void tsvLinesAreFacts() throws IOException {
        assertThat(readAll("Tom Cruise\tmother\tMary Lee Pfeiffer\nTom Cruise\tgender\tmale\n", FactFormat.TSV))
                .containsExactly(
                        fact(1, "Tom Cruise", "mother", "Mary Lee Pfeiffer"),
                        fact(2, "Tom Cruise", "gender", "male"));
    }

    @Test
    void tsvLastLineNeedsNoLineEnd() throws IOException {
        assertThat(readAll("a\tb\tc\nd\te\tf", FactFormat.TSV))
                .containsExactly(fact(1, "a", "b", "c"), fact(2, "d", "e", "f"));
    }

    @Test
    void tsvLineWithWrongFieldCountIsRejectedWithItsNumber() throws IOException {
        List<Line> lines = readAll("a\tb\tc\nonly\ttwo\na\tb\tc\td\nx\ty\tz\n", FactFormat.TSV);

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(fact(1, "a", "b", "c"));
        assertThat(lines.get(1).number()).isEqualTo(2);
        assertThat(lines.get(1).fact()).isNull();
        assertThat(lines.get(1).rejection()).contains("expected 3").contains("found 2");
        assertThat(lines.get(2).number()).isEqualTo(3);
        assertThat(lines.get(2).rejection()).contains("found 4");
        assertThat(lines.get(3)).isEqualTo(fact(4, "x", "y", "z"));
    }

    @Test
    void tsvEmptyFieldsAreCountedAsFields() throws IOException {
        assertThat(readAll("a\t\t\n", FactFormat.TSV)).containsExactly(fact(1, "a", "", ""));
    }

    @Test
    void crlfLineEndsAreNotPartOfTheObject() throws IOException {
        assertThat(readAll("a\tb\tc\r\nd\te\tf\r\n", FactFormat.TSV))
                .containsExactly(fact(1, "a", "b", "c"), fact(2, "d", "e", "f"));
    }

    @Test
    void blankLinesAreSkippedButCounted() throws IOException {
        assertThat(readAll("\n\na\tb\tc\n   \n\r\n\t\nd\te\tf\n\n", FactFormat.TSV))
                .containsExactly(fact(3, "a", "b", "c"), fact(7, "d", "e", "f"));
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstSubject() throws IOException {
        assertThat(readAll("\uFEFFTom Cruise\tmother\tMary Lee Pfeiffer\n", FactFormat.TSV))
                .containsExactly(fact(1, "Tom Cruise", "mother", "Mary Lee Pfeiffer"));
    }

    @Test
    void emptyStreamHasNoLines() throws IOException {
        assertThat(readAll("", FactFormat.TSV)).isEmpty();
        assertThat(readAll("", FactFormat.NDJSON)).isEmpty();
    }

    @Test
    void invalidUtf8IsRejected() throws IOException {
        byte[] latin1 = "Hélène\tmother\tx\n".getBytes(StandardCharsets.ISO_8859_1);

        List<Line> lines = readAll(new FactFileReader(new ByteArrayInputStream(latin1), FactFormat.TSV));

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.fact()).isNull();
            assertThat(line.rejection()).contains("UTF-8");
        });
    }

    @Test
    void lineOfTheMaximumLengthIsRead() throws IOException {
        String subject = "s".repeat(FactFileReader.MAX_LINE_LENGTH - 4);

        assertThat(readAll(subject + "\tr\to\r\n", FactFormat.TSV)).containsExactly(fact(1, subject, "r", "o"));
    }

    @Test
    void overlongLineIsRejectedAndReadingGoesOn() throws IOException {
        String subject = "s".repeat(FactFileReader.MAX_LINE_LENGTH - 3);

        List<Line> lines = readAll(subject + "\tr\to\na\tb\tc\n", FactFormat.TSV);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).number()).isEqualTo(1);
        assertThat(lines.get(0).fact()).isNull();
        assertThat(lines.get(0).rejection()).contains("longer than " + FactFileReader.MAX_LINE_LENGTH);
        assertThat(lines.get(1)).isEqualTo(fact(2, "a", "b", "c"));
    }

    @Test
    void hugeLineIsRejectedWithoutBeingHeld() throws Exception {
        long length = 16L * 1024 * 1024;
        InputStream huge = new SequenceInputStream(new RepeatedByte('x', length), bytes("\ta\tb\nc\td\te\n"));
        FactFileReader reader = new FactFileReader(huge, FactFormat.TSV);

        Line first = reader.next();
        Line second = reader.next();

        assertThat(first.number()).isEqualTo(1);
        assertThat(first.fact()).isNull();
        assertThat(first.rejection()).contains("longer than");
        assertThat(second).isEqualTo(fact(2, "c", "d", "e"));
        assertThat(reader.next()).isNull();
        assertThat(lineBufferCapacity(reader))
                .as("the line buffer must not grow with the line")
                .isLessThanOrEqualTo(4 * FactFileReader.MAX_LINE_LENGTH);
    }

    // --- CSV

    @Test
    void csvNeedsItsHeader() {
        FactFileReader reader = new FactFileReader(bytes("Tom Cruise,mother,Mary Lee Pfeiffer\n"), FactFormat.CSV);

        assertThatThrownBy(reader::next)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("subject,relation,object");
    }

    @Test
    void csvHeaderIsCaseAndSpaceInsensitiveAndMayFollowAByteOrderMark() throws IOException {
        assertThat(readAll("\uFEFF Subject , RELATION,object\r\na,b,c\r\n", FactFormat.CSV))
                .containsExactly(fact(2, "a", "b", "c"));
    }

    @Test
    void csvHeaderInAnotherOrderIsRefused() {
        FactFileReader reader = new FactFileReader(bytes("object,relation,subject\na,b,c\n"), FactFormat.CSV);

        assertThatThrownBy(reader::next).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void csvQuotedFieldsHoldCommasAndEscapedQuotes() throws IOException {
        String csv = """
                subject,relation,object
                "Kennedy, Joseph P.",child,"John ""Jack"" Kennedy"
                "",relation,""
                """;

        assertThat(readAll(csv, FactFormat.CSV)).containsExactly(
                fact(2, "Kennedy, Joseph P.", "child", "John \"Jack\" Kennedy"),
                fact(3, "", "relation", ""));
    }

    @Test
    void csvWrongFieldCountIsRejectedWithItsNumber() throws IOException {
        List<Line> lines = readAll("subject,relation,object\na,b\na,b,c\n", FactFormat.CSV);

        assertThat(lines.get(0).number()).isEqualTo(2);
        assertThat(lines.get(0).rejection()).contains("expected 3").contains("found 2");
        assertThat(lines.get(1)).isEqualTo(fact(3, "a", "b", "c"));
    }

    @Test
    void csvQuoteLeftOpenRunsToTheEndOfTheFileAndIsRejectedByItsFirstLine() throws IOException {
        List<Line> lines = readAll("subject,relation,object\na,b,c\n\"Tom Cruise,mother,Mary\na,b,c\n", FactFormat.CSV);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(fact(2, "a", "b", "c"));
        assertThat(lines.get(1).number()).isEqualTo(3);
        assertThat(lines.get(1).fact()).isNull();
        assertThat(lines.get(1).rejection()).contains("unterminated");
    }

    @Test
    void csvQuotedFieldSpansLinesAndTheNextRecordKeepsItsLineNumber() throws IOException {
        String csv = "subject,relation,object\r\n\"Quill\n\",mother,\"Mira\r\nQuill\"\r\nAda Quill,father,Owen Quill\r\n";

        assertThat(readAll(csv, FactFormat.CSV)).containsExactly(
                fact(2, "Quill\n", "mother", "Mira\nQuill"),
                fact(5, "Ada Quill", "father", "Owen Quill"));
    }

    @Test
    void csvFieldsFollowRfc4180() throws IOException {
        assertThat(readAll("subject,relation,object\na,\"b,c\",d\n\"\"\"\",x,y\n,,\nO'Brien,x,y\n", FactFormat.CSV))
                .containsExactly(fact(2, "a", "b,c", "d"), fact(3, "\"", "x", "y"), fact(4, "", "", ""),
                        fact(5, "O'Brien", "x", "y"));
    }

    @Test
    void csvCharacterAfterAClosingQuoteRejectsTheRecordByTheLineItStartsOnAndReadingGoesOn() throws IOException {
        List<Line> lines = readAll("subject,relation,object\n\"Ada\nQuill\"x,mother,Mira\nOwen,father,Eli\n", FactFormat.CSV);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).number()).isEqualTo(2);
        assertThat(lines.get(0).rejection()).contains("closing quote");
        assertThat(lines.get(1)).isEqualTo(fact(4, "Owen", "father", "Eli"));
    }

    @Test
    void csvRecordLongerThanTheLimitIsRejectedWithoutBeingHeldAndReadingGoesOn() throws IOException {
        String longLine = "x".repeat(1000) + "\n";
        String csv = "subject,relation,object\n\"open," + longLine.repeat(FactFileReader.MAX_RECORD_LENGTH / 1000 + 5)
                + "a,b,c\n";

        List<Line> lines = readAll(csv, FactFormat.CSV);

        assertThat(lines.get(0).number()).isEqualTo(2);
        assertThat(lines.get(0).rejection()).contains("longer than").contains("quote");
        assertThat(lines.get(lines.size() - 1)).isEqualTo(fact(FactFileReader.MAX_RECORD_LENGTH / 1000 + 7, "a", "b", "c"));
    }

    @Test
    void csvLineOfInvalidUtf8InsideARecordRejectsTheRecord() throws IOException {
        byte[] head = "subject,relation,object\n\"Ada\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC0, (byte) 0xAF, '"', ',', 'm', ',', 'x', '\n'};
        byte[] tail = "Owen,father,Eli\n".getBytes(StandardCharsets.UTF_8);

        List<Line> lines = readAll(new FactFileReader(new SequenceInputStream(new ByteArrayInputStream(head),
                new SequenceInputStream(new ByteArrayInputStream(bad), new ByteArrayInputStream(tail))), FactFormat.CSV));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).number()).isEqualTo(2);
        assertThat(lines.get(0).rejection()).isEqualTo("line 3: not valid UTF-8");
        assertThat(lines.get(1)).isEqualTo(fact(4, "Owen", "father", "Eli"));
    }

    @Test
    void csvHeaderMayBeDeclaredAbsent() throws IOException {
        assertThat(readAll(new FactFileReader(bytes("a,b,c\n"), FactFormat.CSV, HeaderLine.ABSENT)))
                .containsExactly(fact(1, "a", "b", "c"));
    }

    // --- TSV header

    @Test
    void tsvHeaderLineInAnyCaseIsNotAFact() throws IOException {
        assertThat(readAll("\uFEFFSubject\tRELATION\tobject\r\na\tb\tc\n", FactFormat.TSV))
                .containsExactly(fact(2, "a", "b", "c"));
    }

    @Test
    void tsvHeaderIsDetectedOnlyExactlyAndOnlyFirst() throws IOException {
        assertThat(readAll("subject name\trelation\tobject\nsubject\trelation\tobject\n", FactFormat.TSV))
                .containsExactly(fact(1, "subject name", "relation", "object"), fact(2, "subject", "relation", "object"));
    }

    @Test
    void tsvHeaderDeclaredAbsentIsAFact() throws IOException {
        assertThat(readAll(new FactFileReader(bytes("subject\trelation\tobject\n"), FactFormat.TSV, HeaderLine.ABSENT)))
                .containsExactly(fact(1, "subject", "relation", "object"));
    }

    @Test
    void tsvHeaderDeclaredPresentMustBeThere() {
        FactFileReader reader = new FactFileReader(bytes("a\tb\tc\n"), FactFormat.TSV, HeaderLine.PRESENT);

        assertThatThrownBy(reader::next).isInstanceOf(InvalidInputException.class).hasMessageContaining("header");
    }

    // --- strict UTF-8

    @Test
    void overlongAndSurrogateEncodingsAreRejectedByLine() throws IOException {
        byte[] overlong = {'a', (byte) 0xC0, (byte) 0xAF, '\t', 'b', '\t', 'c', '\n'};
        byte[] surrogate = {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\t', 'b', '\t', 'c', '\n'};
        byte[] good = "d\te\tf\n".getBytes(StandardCharsets.UTF_8);

        List<Line> lines = readAll(new FactFileReader(new SequenceInputStream(new ByteArrayInputStream(overlong),
                new SequenceInputStream(new ByteArrayInputStream(surrogate), new ByteArrayInputStream(good))), FactFormat.TSV));

        assertThat(lines).extracting(Line::rejection).containsExactly("not valid UTF-8", "not valid UTF-8", null);
        assertThat(lines.get(2)).isEqualTo(fact(3, "d", "e", "f"));
    }

    // --- NDJSON

    @Test
    void ndjsonObjectsAreFacts() throws IOException {
        String ndjson = """
                {"subject":"Tom Cruise","relation":"mother","object":"Mary Lee Pfeiffer"}

                {"object":"male","relation":"gender","subject":"Tom Cruise"}
                """;

        assertThat(readAll(ndjson, FactFormat.NDJSON)).containsExactly(
                fact(1, "Tom Cruise", "mother", "Mary Lee Pfeiffer"),
                fact(3, "Tom Cruise", "gender", "male"));
    }

    @Test
    void ndjsonInvalidJsonIsRejectedWithItsNumber() throws IOException {
        List<Line> lines = readAll("{\"subject\":\"a\",\n{\"subject\":\"a\",\"relation\":\"b\",\"object\":\"c\"}\n",
                FactFormat.NDJSON);

        assertThat(lines.get(0).number()).isEqualTo(1);
        assertThat(lines.get(0).rejection()).contains("not valid JSON");
        assertThat(lines.get(1)).isEqualTo(fact(2, "a", "b", "c"));
    }

    @Test
    void ndjsonNonObjectIsRejected() throws IOException {
        List<Line> lines = readAll("[\"a\",\"b\",\"c\"]\n\"a b c\"\n42\nnull\n", FactFormat.NDJSON);

        assertThat(lines).hasSize(4).allSatisfy(line -> {
            assertThat(line.fact()).isNull();
            assertThat(line.rejection()).contains("JSON object");
        });
    }

    @Test
    void ndjsonNonStringFieldIsRejected() throws IOException {
        List<Line> lines = readAll("""
                {"subject":1,"relation":"b","object":"c"}
                {"subject":"a","relation":["b"],"object":"c"}
                {"subject":"a","relation":"b","object":{"label":"c"}}
                {"subject":"a","relation":"b","object":true}
                """, FactFormat.NDJSON);

        assertThat(lines).extracting(Line::rejection).containsExactly(
                "subject must be a string", "relation must be a string", "object must be a string", "object must be a string");
    }

    @Test
    void ndjsonIsStrict() throws IOException {
        List<Line> lines = readAll("""
                {"subject":"a","relation":"b","object":"c","note":"x"}
                {"subject":"a","subject":"z","relation":"b","object":"c"}
                {"subject":"a","relation":"b","object":"c"} {"subject":"d"}
                {"subject":"a","relation":"b","object":"c"}
                """, FactFormat.NDJSON);

        assertThat(lines).extracting(Line::rejection).containsExactly(
                "unknown field 'note'; the fields are subject, relation, object, subjectKey, objectKey",
                "not valid JSON: Duplicate Object property \"subject\"",
                "not valid JSON",
                null);
    }

    @Test
    void ndjsonMissingOrNullFieldIsLeftForTheFactCheck() throws IOException {
        List<Line> lines = readAll("{\"subject\":\"a\",\"relation\":\"b\"}\n{\"subject\":null,\"relation\":\"b\",\"object\":\"c\"}\n",
                FactFormat.NDJSON);

        assertThat(lines).containsExactly(fact(1, "a", "b", null), fact(2, null, "b", "c"));
    }

    private static int lineBufferCapacity(FactFileReader reader) throws ReflectiveOperationException {
        Field lines = FactFileReader.class.getDeclaredField("lines");
        lines.setAccessible(true);
        Object source = lines.get(reader);
        Field buffer = source.getClass().getDeclaredField("line");
        buffer.setAccessible(true);
        return ((byte[]) buffer.get(source)).length;
    }

    /** {@code length} copies of one byte, made as they are read. */
    private static final class RepeatedByte extends InputStream {
        private final int value;
        private long left;

        RepeatedByte(char value, long length) {
            this.value = value;
            this.left = length;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return value;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) value);
            left -= n;
            return n;
        }
    }
}
