package io.relata.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LabelsTest {

    private static final String DECOMPOSED = Normalizer.normalize("Hélène", Normalizer.Form.NFD);

    @Test
    void cleanTrimsAndCollapsesWhiteSpace() {
        assertThat(Labels.clean("  Tom \t  Cruise\n ")).isEqualTo("Tom Cruise");
    }

    @Test
    void cleanComposesToNfc() {
        assertThat(DECOMPOSED).isNotEqualTo("Hélène");

        assertThat(Labels.clean(DECOMPOSED)).isEqualTo("Hélène");
        assertThat(Normalizer.isNormalized(Labels.clean(DECOMPOSED + " Langevin"), Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void cleanKeepsCasePunctuationAndAccents() {
        assertThat(Labels.clean("Conan O'Brien")).isEqualTo("Conan O'Brien");
        assertThat(Labels.clean("Hélène Langevin-Joliot")).isEqualTo("Hélène Langevin-Joliot");
        assertThat(Labels.clean("Joseph P. Kennedy Sr.")).isEqualTo("Joseph P. Kennedy Sr.");
    }

    @Test
    void keyFoldsCaseAccentsAndPunctuation() {
        assertThat(Labels.key("Hélène  Langevin-Joliot")).isEqualTo("helene langevin joliot");
        assertThat(Labels.key("HÉLÈNE LANGEVIN JOLIOT")).isEqualTo("helene langevin joliot");
        assertThat(Labels.key(DECOMPOSED + " Langevin-Joliot")).isEqualTo("helene langevin joliot");
    }

    @Test
    void keyTurnsPunctuationRunsIntoOneSpaceAndTrimsThem() {
        assertThat(Labels.key("Conan O'Brien")).isEqualTo("conan o brien");
        assertThat(Labels.key("Joseph P. Kennedy Sr.")).isEqualTo("joseph p kennedy sr");
        assertThat(Labels.key("  «Tom»  --  Cruise!! ")).isEqualTo("tom cruise");
    }

    @Test
    void keyMatchesLabelsThatDifferOnlyInSpellingDetails() {
        assertThat(Labels.key("Björk Guðmundsdóttir")).isEqualTo(Labels.key("bjork guðmundsdottir"));
        assertThat(Labels.key("Tom Cruise")).isNotEqualTo(Labels.key("Tom Cruz"));
    }

    @Test
    void keyKeepsDigitsAndNonLatinLetters() {
        assertThat(Labels.key("Louis XIV (1638)")).isEqualTo("louis xiv 1638");
        assertThat(Labels.key("山田 太郎")).isEqualTo("山田 太郎");
        assertThat(Labels.key("Αλέξανδρος")).isEqualTo("αλεξανδρος");
    }

    @ParameterizedTest
    @ValueSource(strings = {"?!", "...", "-", " ~ ~ ", "'"})
    void keyOfPunctuationOnlyLabelIsNotEmpty(String label) {
        assertThat(Labels.key(label)).isNotBlank();
    }

    @Test
    void keysOfDifferentPunctuationOnlyLabelsDiffer() {
        assertThat(Labels.key("?!")).isNotEqualTo(Labels.key("..."));
    }
}
