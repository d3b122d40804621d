package io.relata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TextInputTest {

    @Test
    void textIsComposedToNfcAndStripped() {
        String decomposed = Normalizer.normalize("Hélène", Normalizer.Form.NFD);

        assertThat(TextInput.check("subject", "  " + decomposed + " ", 500)).isEqualTo("Hélène");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Tom\u200b Cruise      | contains an invisible format character U+200B at character 4",
            "Tom\u200dCruise       | contains an invisible format character U+200D",
            "\ufeffTom             | contains an invisible format character U+FEFF",
            "abc\u202eevil         | contains an invisible format character U+202E",
            "To\u0000m             | contains a control character U+0000",
            "Tom\tCruise           | contains a control character U+0009",
            "Tom\u2028Cruise       | contains a line break U+2028",
            "Tom\ue000             | contains a private-use character U+E000",
            "Tom\u0378             | contains an unassigned code point U+0378",
            "Tom\u3164Cruise       | contains an invisible filler character U+3164",
            "Tom Cruise\ufe0f      | contains an invisible variation selector or joiner U+FE0F at character 11",
            "Tom Cruise\ufe00      | contains an invisible variation selector or joiner U+FE00",
            "Tom Cruise\udb40\udd00 | contains an invisible variation selector or joiner U+E0100",
            "Tom\u034f Cruise      | contains an invisible variation selector or joiner U+034F",
            "Tom\u17b4 Cruise      | contains an invisible variation selector or joiner U+17B4",
            "Tom\u180b Cruise      | contains an invisible variation selector or joiner U+180B",
            "\u0301\u0302          | has no visible character"})
    void invisibleAndInvalidCharactersAreRefusedNamingTheField(String value, String problem) {
        assertThatThrownBy(() -> TextInput.check("subject", value, 500))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("subject " + problem.strip());
    }

    @Test
    void loneSurrogatesAreRefused() {
        assertThatThrownBy(() -> TextInput.check("object", "Tom\uD800", 500))
                .hasMessageStartingWith("object contains an unpaired surrogate U+D800");
        assertThatThrownBy(() -> TextInput.check("object", "\uDC00Tom", 500))
                .hasMessageStartingWith("object contains an unpaired surrogate U+DC00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hélène Langevin-Joliot", "Björk Guðmundsdóttir", "毛泽东", "محمد", "Zoë 🙂", "e\u0301", "O'Brien"})
    void ordinaryTextInAnyScriptPasses(String value) {
        assertThat(TextInput.check("subject", value, 500)).isEqualTo(Normalizer.normalize(value, Normalizer.Form.NFC));
    }

    @Test
    void lengthIsCountedAfterNormalisingAndNamesTheField() {
        assertThat(TextInput.check("relation", "a".repeat(500), 500)).hasSize(500);
        assertThatThrownBy(() -> TextInput.check("relation", "a".repeat(501), 500))
                .hasMessage("relation is longer than 500 characters");
    }

    @Test
    void missingAndBlankAreRefused() {
        assertThatThrownBy(() -> TextInput.check("alias", null, 500)).hasMessage("alias is missing");
        assertThatThrownBy(() -> TextInput.check("alias", " \u3000 ", 500)).hasMessage("alias is blank");
        assertThat(TextInput.checkOptional("description", null, 1000)).isNull();
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        assertThat(TextInput.cut("ab\ud83d\ude42c", 3)).isEqualTo("ab");
        assertThat(TextInput.cut("ab\ud83d\ude42c", 4)).isEqualTo("ab\ud83d\ude42");
        assertThat(TextInput.cut("abc", 5)).isEqualTo("abc");
    }
}
