package io.relata.imports.gedcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.relata.facts.Alias;
import io.relata.facts.EntityNaming;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public GEDCOM files under shared/data when they are there: H. Eichmann's and J. A. Nairn's torture test
 * (TGC55*, ANSEL, every GEDCOM 5.5 tag) and the Russian tsars (UTF-8).
 */
class GedcomPublicFilesTest {

    private static final Path TORTURE = Path.of("../shared/data/gedcom/torture-tgc55");
    private static final Path TSARS = Path.of("../shared/data/family-tsars/tsars.ged");

    private static Path torture(String name) {
        Path file = TORTURE.resolve(name);
        assumeTrue(Files.exists(file), file + " is not there");
        return file;
    }

    private static ReadRecords readTorture(String name) throws IOException {
        try (InputStream in = Files.newInputStream(torture(name))) {
            return ReadRecords.of(in);
        }
    }

    /** Each capital, then small, letter of the alphabet with this mark, as the ANSEL note writes them. */
    private static String marked(char first, char last, char mark) {
        StringBuilder letters = new StringBuilder();
        for (char letter = first; letter <= last; letter++) {
            letters.append(letter).append(mark);
        }
        return Normalizer.normalize(letters, Normalizer.Form.NFC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TGC55C.ged", "TGC55CLF.ged", "TGC551.ged", "TGC551LF.ged"})
    void tortureTestHasFifteenPeopleAndSevenFamiliesAndNothingBroken(String name) throws IOException {
        ImportedRecords read = ImportedRecords.file("tgc", torture(name));

        assertThat(read.individuals()).isEqualTo(15);
        assertThat(read.families()).isEqualTo(7);
        assertThat(read.rejected).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TGC55C.ged", "TGC55CLF.ged", "TGC551.ged", "TGC551LF.ged"})
    void tortureTestFamiliesGiveFathersMothersAndSpouses(String name) throws IOException {
        ImportedRecords read = ImportedRecords.file("tgc", torture(name));

        assertThat(read.facts()).contains(
                "tgc:PERSON1 spouse tgc:PERSON2", "tgc:PERSON1 spouse tgc:PERSON8",
                "tgc:PERSON3 father tgc:PERSON1", "tgc:PERSON3 mother tgc:PERSON2",
                "tgc:PERSON4 father tgc:PERSON1", "tgc:PERSON4 mother tgc:PERSON2",
                "tgc:PERSON1 father tgc:PERSON5", "tgc:PERSON1 mother tgc:PERSON6",
                "tgc:PERSON7 father tgc:PERSON1", "tgc:PERSON7 mother tgc:PERSON8",
                "tgc:PERSON5 father tgc:I14", "tgc:PERSON5 mother tgc:I13",
                "tgc:I14 mother tgc:I10", "tgc:I10 father tgc:I9", "tgc:I12 mother tgc:I15");
        assertThat(read.facts()).filteredOn(fact -> fact.contains(" father ") || fact.contains(" mother ")
                || fact.contains(" spouse ")).hasSize(21);
        assertThat(read.facts()).doesNotContain("tgc:PERSON1 father tgc:PERSON6", "tgc:I14 father tgc:I10");
    }

    @Test
    void tortureTestPersonWithEveryTagHasBothNamesNicknameAndLifeYears() throws IOException {
        EntityNaming joseph = ImportedRecords.file("tgc", torture("TGC55C.ged")).naming("tgc:PERSON1");

        assertThat(joseph.label()).isEqualTo("Joseph Tag Torture");
        assertThat(joseph.aliases()).containsExactly(new Alias("Joe", null), new Alias("William John Smith", null));
        assertThat(joseph.description()).isEqualTo("1965–2001, Nobility title");
    }

    @Test
    void tortureTestWithOneNameStructureGivesOnlyTheNickname() throws IOException {
        EntityNaming joseph = ImportedRecords.file("tgc", torture("TGC551.ged")).naming("tgc:PERSON1");

        assertThat(joseph.aliases()).containsExactly(new Alias("Joe", null));
    }

    @Test
    void tortureTestDatesWithQualifiersAndPhrasesGiveTheirYears() throws IOException {
        ImportedRecords read = ImportedRecords.file("tgc", torture("TGC55C.ged"));

        assertThat(read.naming("tgc:PERSON5").description()).isEqualTo("1930–1995");
        assertThat(read.naming("tgc:PERSON8").description()).isEqualTo("1979–2000");
        assertThat(read.naming("tgc:PERSON2").description()).isEqualTo("1970–2000");
        assertThat(read.naming("tgc:I13").label()).isEqualTo("Lucy Special ANSEL");
        assertThat(read.facts()).contains("tgc:I13 gender female", "tgc:I13 born 1905", "tgc:I13 died 1990");
    }

    @Test
    void tortureTestWithCrLineEndsReadsExactlyAsWithCrlf() throws IOException {
        assertThat(ImportedRecords.file("tgc", torture("TGC55C.ged")).accepted)
                .isEqualTo(ImportedRecords.file("tgc", torture("TGC55CLF.ged")).accepted);
    }

    @Test
    void tortureTestWithOneNameGivesTheSamePeopleWhateverItsLineEnds() throws IOException {
        // TGC551.ged has two "2 TYPE IND" lines that TGC551LF.ged lacks, so only the line numbers differ
        assertThat(withoutLines(ImportedRecords.file("tgc", torture("TGC551.ged"))))
                .isEqualTo(withoutLines(ImportedRecords.file("tgc", torture("TGC551LF.ged"))));
    }

    private static List<List<?>> withoutLines(ImportedRecords read) {
        return read.accepted.stream().<List<?>>map(record -> List.of(record.entities(), record.facts())).toList();
    }

    @Test
    void tortureTestAnselCombiningMarksComeOutOnTheirLetters() throws IOException {
        String note = readTorture("TGC55C.ged").record("N24").value();

        assertThat(note).contains(marked('A', 'M', '\u0301'), marked('a', 'm', '\u0301'))
                .contains(marked('N', 'Z', '\u0308'), marked('n', 'z', '\u0308'))
                .contains(marked('a', 'm', '\u0327'), marked('A', 'M', '\u030C'), marked('n', 'z', '\u030A'))
                .contains(marked('A', 'M', '\u0309'), marked('n', 'z', '\u0313'));
        assertThat(note).contains("\u00E1", "\u00FC", "\u00E7", "\u0161", "\u00C5", "\u1EA2");
    }

    @Test
    void tortureTestAnselSpecialCharactersAreTheirUnicodeLetters() throws IOException {
        ReadRecords read = readTorture("TGC55CLF.ged");
        String note = read.record("N25").value();

        assertThat(note).contains("A1 slash l - uppercase (\u0141)", "B1 slash l - lowercase (\u0142)",
                "A2 slash o - uppercase (\u00D8)", "B2 slash o - lowercase (\u00F8)",
                "A3 slash d - uppercase (\u0110)", "A4 thorn - uppercase (\u00DE)",
                "A5 ligature ae - uppercase (\u00C6)", "B6 ligature oe - lowercase (\u0153)",
                "B8 dotless i - lowercase (\u0131)", "B9 british pound (\u00A3)", "BA eth (\u00F0)",
                "BC hook o - lowercase (\u01A1)", "BD hook u - lowercase (\u01B0)", "CF es zet (\u00DF)",
                "C3 copyright symbol (\u00A9)", "C5 inverted question mark (\u00BF)");
        assertThat(read.records.get(0).firstValue("COPR"))
                .isEqualTo("\u00A9 1997 by H. Eichmann, parts \u00A9 1999-2000 by J. A. Nairn.");
        assertThat(read.record("SM3").firstValue("ADDR"))
                .isEqualTo("email: h.eichmann@mbox.iqo.uni-hannover.de\nor: heiner_eichmann@h.maus.de (no more than 16k!!!!)");
    }

    @Test
    void tsarsAreFortyOnePeopleInFifteenFamilies() throws IOException {
        assumeTrue(Files.exists(TSARS), TSARS + " is not there");

        ImportedRecords tsars = ImportedRecords.file("tsars", TSARS);

        assertThat(tsars.individuals()).isEqualTo(41);
        assertThat(tsars.families()).isEqualTo(15);
        assertThat(tsars.rejected).isEmpty();
    }

    @Test
    void tsarsAreNamedByRegnalNameAndTiedToTheirParents() throws IOException {
        assumeTrue(Files.exists(TSARS), TSARS + " is not there");

        ImportedRecords tsars = ImportedRecords.file("tsars", TSARS);

        EntityNaming peter = tsars.naming("tsars:17");
        assertThat(peter.label()).isEqualTo("Petr I Alekseevich Romanov");
        assertThat(peter.aliases()).isEqualTo(List.of(new Alias("Petr I", null)));
        assertThat(peter.description()).isEqualTo("1682–1725");
        assertThat(tsars.naming("tsars:27").aliases()).isEqualTo(List.of(new Alias("Ekaterina II", null)));
        assertThat(tsars.naming("tsars:1").label()).isEqualTo("Evdokija Lukjanovna Streshneva");
        assertThat(tsars.naming("tsars:1").description()).isNull();
        assertThat(tsars.facts()).contains(
                "tsars:17 gender male", "tsars:17 born 1682", "tsars:17 died 1725",
                "tsars:17 father tsars:2", "tsars:17 mother tsars:4", "tsars:2 spouse tsars:4",
                "tsars:2 father tsars:0", "tsars:2 mother tsars:1",
                "tsars:22 father tsars:20", "tsars:22 mother tsars:21");
        assertThat(tsars.facts()).doesNotContain("tsars:17 mother tsars:3");
    }
}
