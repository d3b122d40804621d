package io.relata.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimilarityTest {

    @ParameterizedTest
    @CsvSource({
        "tom,        tom,         0",
        "tmo,        tom,         1",
        "abcd,       acbd,        1",
        "tom cruise, tom crusie,  1",
        "tom,        tim,         1",
        "tom,        toms,        1",
        "toms,       tom,         1",
        "kitten,     sitting,     3",
        "flaw,       lawn,        2",
        "ca,         abc,         3",
        "'',         abc,         3",
        "abc,        '',          3",
        "'',         '',          0"})
    void distanceCountsInsertionsDeletionsSubstitutionsAndSwaps(String a, String b, int distance) {
        assertThat(Similarity.distance(a, b)).isEqualTo(distance);
    }

    @ParameterizedTest
    @CsvSource({"tmo, tom", "kitten, sitting", "ca, abc", "helene, hélène", "a, ''"})
    void distanceIsTheSameBothWays(String a, String b) {
        assertThat(Similarity.distance(a, b)).isEqualTo(Similarity.distance(b, a));
    }

    @Test
    void transpositionCountsOneEdit() {
        assertThat(Similarity.distance("tmo", "tom")).isEqualTo(1);
        assertThat(Similarity.of("tmo", "tom")).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void similarityIsOneMinusDistanceOverTheLongerLength() {
        assertThat(Similarity.of("tom cruise", "tom crusie")).isCloseTo(0.9, within(1e-9));
        assertThat(Similarity.of("kitten", "sitting")).isCloseTo(1 - 3.0 / 7, within(1e-9));
    }

    @Test
    void identicalStringsAreFullySimilar() {
        assertThat(Similarity.of("tom cruise", "tom cruise")).isEqualTo(1.0);
        assertThat(Similarity.of("", "")).isEqualTo(1.0);
    }

    @Test
    void stringsWithNothingInCommonAreNotSimilarAtAll() {
        assertThat(Similarity.of("abc", "xyz")).isEqualTo(0.0);
        assertThat(Similarity.of("", "abc")).isEqualTo(0.0);
    }

    @ParameterizedTest
    @CsvSource({"a, bcdefgh", "tom, tom cruise", "x, x", "ab, ba", "'', z", "mother, brother"})
    void similarityIsBetweenZeroAndOne(String a, String b) {
        assertThat(Similarity.of(a, b)).isBetween(0.0, 1.0);
    }
}
