package io.relata.imports.gedcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class GedcomAnselTest {

    private static String ansel(int... bytes) {
        return Ansel.decode(Bytes.of().bytes(bytes).toArray());
    }

    @Test
    void anselDiacriticsPrecedeTheirLetter() {
        assertThat(ansel(0xE2, 'e')).isEqualTo("é");
        assertThat(ansel(0xE8, 'u')).isEqualTo("ü");
        assertThat(ansel(0xF0, 'c')).isEqualTo("ç");
        assertThat(ansel('F', 'r', 'a', 'n', 0xF0, 'c', 'o', 'i', 's')).isEqualTo("François");
    }

    @Test
    void decodedTextIsNfcWhateverOrderTheMarksCameIn() {
        // circumflex then dot below in ANSEL; NFC puts the dot below first and composes U+1EAD
        assertThat(ansel(0xE3, 0xF2, 'a')).isEqualTo("\u1EAD");
        assertThat(ansel(0xF2, 0xE3, 'a')).isEqualTo("\u1EAD");
    }

    @Test
    void markWithNoPrecomposedLetterStaysCombiningAfterItsLetter() {
        assertThat(ansel(0xE5, 'x')).isEqualTo("x\u0304");
        assertThat(ansel(0xEB, 't', 0xEC, 's')).isEqualTo("t\uFE20s\uFE21");
    }

    @Test
    void markWithNoLetterAfterItStandsAloneAfterASpace() {
        assertThat(ansel('a', 0xE2)).isEqualTo("a \u0301");
    }

    @Test
    void spacingLettersAndSignsAreTheirUnicodeCharacters() {
        assertThat(ansel(0xA1, 0xB1, 0xA2, 0xB2, 0xA3, 0xB3, 0xA4, 0xB4, 0xA5, 0xB5, 0xA6, 0xB6))
                .isEqualTo("ŁłØøĐđÞþÆæŒœ");
        assertThat(ansel(0xA7, 0xB7, 0xB8, 0xB9, 0xBA, 0xAC, 0xBC, 0xAD, 0xBD, 0xC7, 0xCF))
                .isEqualTo("ʹʺı£ðƠơƯưßß");
        assertThat(ansel(0xA8, 0xA9, 0xAA, 0xAB, 0xAE, 0xB0, 0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC8))
                .isEqualTo("·♭®±ʼʻ°ℓ℗©♯¿¡€");
    }

    @Test
    void everyCombiningCodeIsItsUnicodeMark() {
        int[][] marks = {{0xE0, 0x0309}, {0xE1, 0x0300}, {0xE2, 0x0301}, {0xE3, 0x0302}, {0xE4, 0x0303},
            {0xE5, 0x0304}, {0xE6, 0x0306}, {0xE7, 0x0307}, {0xE8, 0x0308}, {0xE9, 0x030C}, {0xEA, 0x030A},
            {0xEB, 0xFE20}, {0xEC, 0xFE21}, {0xED, 0x0315}, {0xEE, 0x030B}, {0xEF, 0x0310}, {0xF0, 0x0327},
            {0xF1, 0x0328}, {0xF2, 0x0323}, {0xF3, 0x0324}, {0xF4, 0x0325}, {0xF5, 0x0333}, {0xF6, 0x0332},
            {0xF7, 0x0326}, {0xF8, 0x031C}, {0xF9, 0x032E}, {0xFA, 0xFE22}, {0xFB, 0xFE23}, {0xFE, 0x0313}};
        for (int[] mark : marks) {
            String expected = Normalizer.normalize("q" + (char) mark[1], Normalizer.Form.NFC);
            assertThat(ansel(mark[0], 'q')).as("ANSEL %X", mark[0]).isEqualTo(expected);
        }
    }

    @Test
    void unassignedByteIsTheReplacementCharacter() {
        assertThat(ansel('a', 0x90, 'b')).isEqualTo("a\uFFFDb");
    }

    @Test
    void anselFileDecodesNamesWithTheirAccents() throws IOException {
        byte[] file = Bytes.of().text("0 HEAD\r\n1 CHAR ANSEL\r\n2 VERS ANSI Z39.47-1985\r\n0 @I1@ INDI\r\n")
                .text("1 NAME Ren").bytes(0xE2).text("ee /Fran").bytes(0xF0).text("cois/\r\n")
                .text("0 @I2@ INDI\r\n1 NAME J").bytes(0xE8).text("urgen /").bytes(0xA1).text("ukasiewicz/\r\n")
                .toArray();

        ReadRecords read = ReadRecords.of(file);

        assertThat(read.record("I1").firstValue("NAME")).isEqualTo("Renée /François/");
        assertThat(read.record("I2").firstValue("NAME")).isEqualTo("Jürgen /Łukasiewicz/");
    }
}
