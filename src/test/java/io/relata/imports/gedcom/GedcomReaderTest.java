package io.relata.imports.gedcom;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.imports.gedcom.ReadRecords.Broken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GedcomReaderTest {

    private static ReadRecords fixture(String name) throws IOException {
        try (InputStream in = GedcomReaderTest.class.getResourceAsStream("/imports/gedcom/" + name)) {
            return ReadRecords.of(in);
        }
    }

    @Test
    void crLfCrlfAndLfcrEachEndOneLineAndMayBeMixed() throws IOException {
        ReadRecords read = ReadRecords.of("0 HEAD\r1 CHAR UTF-8\n0 @I1@ INDI\r\n1 NAME Ada\n\r0 @I2@ INDI\r0 TRLR");

        assertThat(read.starts()).containsExactly("1 HEAD", "3 INDI", "5 INDI", "6 TRLR");
        assertThat(read.record("I1").children()).singleElement()
                .satisfies(name -> assertThat(name.line()).isEqualTo(4));
    }

    @Test
    void blankLinesAreSkippedButStillCounted() throws IOException {
        ReadRecords read = ReadRecords.of("0 HEAD\n\n   \n0 @I1@ INDI\r\n\r\n1 NAME Ada\n0 TRLR\n");

        assertThat(read.starts()).containsExactly("1 HEAD", "4 INDI", "7 TRLR");
        assertThat(read.record("I1").first("NAME").orElseThrow().line()).isEqualTo(6);
        assertThat(read.broken).isEmpty();
    }

    @Test
    void whiteSpaceBeforeTheLevelIsTolerated() throws IOException {
        ReadRecords read = ReadRecords.of("0 HEAD\n  0 @I1@ INDI\n\t 1 NAME Ada /Lovelace/\n    2 GIVN Ada\n");

        GedcomNode name = read.record("I1").first("NAME").orElseThrow();
        assertThat(name.value()).isEqualTo("Ada /Lovelace/");
        assertThat(name.firstValue("GIVN")).isEqualTo("Ada");
    }

    @Test
    void lineIsLevelXrefTagAndValueWithTheValuesSpacesKept() {
        assertThat(GedcomLine.parse(7, "0 @I1@ INDI"))
                .isEqualTo(new GedcomLine.Tagged(7, 0, "I1", "INDI", ""));
        assertThat(GedcomLine.parse(8, "2 CONC  ends with a space "))
                .isEqualTo(new GedcomLine.Tagged(8, 2, null, "CONC", " ends with a space "));
        assertThat(GedcomLine.parse(9, "1 DEAT "))
                .isEqualTo(new GedcomLine.Tagged(9, 1, null, "DEAT", ""));
        assertThat(GedcomLine.parse(10, "1 _MILT served")).isEqualTo(new GedcomLine.Tagged(10, 1, null, "_MILT", "served"));
    }

    @Test
    void lineWithoutLevelOrTagIsMalformedAndSaysWhichLine() {
        assertThat(GedcomLine.parse(3, "by pressing return")).isEqualTo(
                new GedcomLine.Malformed(3, -1, "line 3 has no level number"));
        assertThat(GedcomLine.parse(4, "1")).isEqualTo(new GedcomLine.Malformed(4, 1, "line 4 has no tag"));
        assertThat(GedcomLine.parse(5, "0 @I1@")).isEqualTo(new GedcomLine.Malformed(5, 0, "line 5 has no tag"));
        assertThat(GedcomLine.parse(6, "1900 was a year")).isEqualTo(
                new GedcomLine.Malformed(6, -1, "line 6 has no level number of at most 2 digits"));
        assertThat(GedcomLine.parse(7, "0 @I1 INDI")).isEqualTo(
                new GedcomLine.Malformed(7, 0, "line 7 has a cross-reference with no closing @"));
    }

    @Test
    void concAppendsWithoutSeparatorAndContStartsANewLine() throws IOException {
        ReadRecords read = fixture("conc-cont.ged");

        assertThat(read.record("I1").firstValue("NOTE")).isEqualTo("""
                Born Maria Salomea Skłodowska in Warsaw.
                Twice a Nobel laureate: physics 1903, chemistry 1911.

                Wrote to h.eichmann@example.org""");
        assertThat(read.record("N1").value()).isEqualTo("First line\nsecond line and its end");
        assertThat(read.record("I1").first("NOTE").orElseThrow().children()).isEmpty();
    }

    @Test
    void gedcom7UnescapesOnlyADoubledAtSignThatStartsAValue() throws IOException {
        ReadRecords read = ReadRecords.of("""
                0 HEAD
                1 GEDC
                2 VERS 7.0
                0 @I1@ INDI
                1 NOTE @@me and a@@b
                """);

        assertThat(read.record("I1").firstValue("NOTE")).isEqualTo("@me and a@@b");
    }

    @Test
    void malformedLineRejectsItsRecordByItsStartLineAndTheRestIsRead() throws IOException {
        ReadRecords read = fixture("broken-record.ged");

        assertThat(read.broken).containsExactly(
                new Broken(6, "INDI", "line 9 has no level number"),
                new Broken(14, "FAM", "line 17 has no tag"));
        assertThat(read.starts()).containsExactly("1 HEAD", "3 INDI", "11 INDI", "18 FAM", "20 TRLR");
        assertThat(read.record("I3").firstValue("NAME")).isEqualTo("Mary /Somerville/");
    }

    @Test
    void levelZeroLineWithoutTagIsABrokenRecordOfUnknownType() throws IOException {
        ReadRecords read = ReadRecords.of("0 HEAD\n0 @I1@\n1 NAME Ada\n0 @I2@ INDI\n");

        assertThat(read.broken).containsExactly(new Broken(2, null, "line 2 has no tag"));
        assertThat(read.starts()).containsExactly("1 HEAD", "4 INDI");
    }

    @Test
    void linesBeforeTheFirstRecordAreRejectedTogether() throws IOException {
        ReadRecords read = ReadRecords.of("1 NAME stray\n2 GIVN stray\n0 HEAD\n");

        assertThat(read.broken).containsExactly(new Broken(1, null, "line 1 comes before any level-0 line"));
        assertThat(read.starts()).containsExactly("3 HEAD");
    }

    @Test
    void recordOfTooManyLinesIsRejectedByItsStartLineAndTheNextIsRead() throws IOException {
        StringBuilder text = new StringBuilder("0 HEAD\n0 @N1@ NOTE\n");
        text.append("1 CONT x\n".repeat(GedcomReader.MAX_RECORD_LINES));
        text.append("0 @I1@ INDI\n1 NAME Ada\n");

        ReadRecords read = ReadRecords.of(text.toString());

        assertThat(read.broken).containsExactly(new Broken(2, "NOTE",
                "the record has more than " + GedcomReader.MAX_RECORD_LINES + " lines"));
        assertThat(read.record("I1").line()).isEqualTo(GedcomReader.MAX_RECORD_LINES + 3L);
    }

    @Test
    void lineLongerThanTheLimitRejectsItsRecord() throws IOException {
        String text = "0 HEAD\n0 @I1@ INDI\n1 NOTE " + "x".repeat(PhysicalLines.MAX_LINE_BYTES) + "\n0 @I2@ INDI\n";

        ReadRecords read = ReadRecords.of(text);

        assertThat(read.broken).containsExactly(new Broken(2, "INDI",
                "line 3 is longer than " + PhysicalLines.MAX_LINE_BYTES + " bytes"));
        assertThat(read.starts()).containsExactly("1 HEAD", "4 INDI");
    }

    @Test
    void recordsAreHandedOverWhileTheStreamIsStillBeingRead() throws IOException {
        GeneratedPeople people = new GeneratedPeople(1_000_000);
        long[] servedWhenThousandth = new long[1];
        int[] count = new int[1];
        GedcomReader.read(people, new GedcomReader.Handler() {
            @Override
            public void record(GedcomNode record) {
                if (++count[0] == 1_000) {
                    servedWhenThousandth[0] = people.served;
                }
            }

            @Override
            public void broken(long line, String tag, String reason) {
                throw new AssertionError(reason);
            }
        });

        assertThat(count[0]).isEqualTo(1_000_000);
        assertThat(servedWhenThousandth[0]).isLessThan(200_000);
    }

    /** A GEDCOM file of many people made as it is read, so no test holds it whole. */
    private static final class GeneratedPeople extends InputStream {
        private final int people;
        private int next;
        private byte[] current = new byte[0];
        private int position;
        long served;

        GeneratedPeople(int people) {
            this.people = people;
        }

        @Override
        public int read() {
            if (position == current.length) {
                if (next == people) {
                    return -1;
                }
                current = ("0 @I" + next + "@ INDI\n1 NAME Person " + next + " /Generated/\n")
                        .getBytes(StandardCharsets.US_ASCII);
                next++;
                position = 0;
            }
            served++;
            return current[position++] & 0xFF;
        }
    }
}
