package io.relata.lexicon;

import static io.relata.lexicon.Direction.FORWARD;
import static io.relata.lexicon.Direction.INVERSE;
import static io.relata.lexicon.Direction.MIXED;
import static io.relata.lexicon.Direction.SYMMETRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DirectionTest {

    @Test
    void converseSwapsForwardAndInverse() {
        assertThat(FORWARD.converse()).isEqualTo(INVERSE);
        assertThat(INVERSE.converse()).isEqualTo(FORWARD);
    }

    @Test
    void converseKeepsSymmetricAndMixed() {
        assertThat(SYMMETRIC.converse()).isEqualTo(SYMMETRIC);
        assertThat(MIXED.converse()).isEqualTo(MIXED);
    }

    @ParameterizedTest
    @CsvSource({
        "FORWARD,   FORWARD,   FORWARD",
        "INVERSE,   INVERSE,   INVERSE",
        "SYMMETRIC, SYMMETRIC, SYMMETRIC",
        "FORWARD,   SYMMETRIC, FORWARD",
        "SYMMETRIC, FORWARD,   FORWARD",
        "INVERSE,   SYMMETRIC, INVERSE",
        "SYMMETRIC, INVERSE,   INVERSE",
        "FORWARD,   INVERSE,   MIXED",
        "INVERSE,   FORWARD,   MIXED",
        "MIXED,     FORWARD,   MIXED",
        "MIXED,     SYMMETRIC, MIXED",
        "FORWARD,   MIXED,     MIXED",
        "SYMMETRIC, MIXED,     MIXED"})
    void thenComposesTheDirectionsOfAPath(Direction first, Direction next, Direction path) {
        assertThat(first.then(next)).isEqualTo(path);
    }

    @ParameterizedTest
    @EnumSource(Direction.class)
    void wireNameIsLowerCaseAndReadsBack(Direction direction) {
        assertThat(direction.wireName()).isEqualTo(direction.name().toLowerCase());
        assertThat(Direction.fromWire(direction.wireName())).isEqualTo(direction);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "sideways", "forwards", "forward ", "<", "1", "inverse;drop table fact"})
    void fromWireRejectsJunk(String value) {
        assertThatThrownBy(() -> Direction.fromWire(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forward, inverse, symmetric");
    }
}
