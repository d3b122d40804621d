package io.relata.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Edit distances and what counts as a keyboard slip for a relation phrase. */
class SpellingTest {

    @Test
    void swappingTwoNeighboursIsOneEdit() {
        assertThat(Spelling.distance("mohter", "mother", 1)).isEqualTo(1);
        assertThat(Spelling.distance("mother", "mother", 1)).isZero();
    }

    @Test
    void aSubstitutionCostsWhatItIsGiven() {
        assertThat(Spelling.distance("sitter", "sister", 1)).isEqualTo(1);
        assertThat(Spelling.distance("sitter", "sister", 2)).isEqualTo(2);
    }

    @Test
    void aMissingDoubledOrSwappedLetterIsASlip() {
        assertThat(Spelling.isSlipFor("mothr", "mother")).isTrue();
        assertThat(Spelling.isSlipFor("sonn", "son")).isTrue();
        assertThat(Spelling.isSlipFor("wfie", "wife")).isTrue();
    }

    @Test
    void aLetterSwappedForAnotherIsASlipOnlyInLongWords() {
        assertThat(Spelling.isSlipFor("sitter", "sister")).isFalse();
        assertThat(Spelling.isSlipFor("doughter", "daughter")).isTrue();
    }

    @Test
    void longPhrasesMayHaveTwoSlipsShortOnesOneAndVeryShortOnesNone() {
        assertThat(Spelling.isSlipFor("grnadmohter", "grandmother")).isTrue();
        assertThat(Spelling.isSlipFor("dauther", "daughter")).isFalse();
        assertThat(Spelling.isSlipFor("mum", "mom")).isFalse();
        assertThat(Spelling.isSlipFor("mother", "mother")).isFalse();
    }

    @Test
    void similarityIsOneMinusEditsOverTheLongerLength() {
        assertThat(Spelling.similarity("daugther", "daughter")).isEqualTo(0.875);
        assertThat(Spelling.similarity("", "")).isEqualTo(1.0);
        assertThat(Spelling.similarity("abc", "xyz")).isZero();
    }
}
