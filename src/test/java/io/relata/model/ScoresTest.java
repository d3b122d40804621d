package io.relata.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScoresTest {

    @Test
    void topKIsBestFirstSkipsTheExcludedEntityAndBreaksTiesByIndex() {
        float[] row = {0.5f, 0.9f, 0.5f, 0.1f, 0.7f};

        assertThat(Scores.topK(row, 0, 5, 3, -1)).containsExactly(1, 4, 0);
        assertThat(Scores.topK(row, 0, 5, 3, 1)).containsExactly(4, 0, 2);
        assertThat(Scores.topK(row, 0, 5, 10, -1)).hasSize(5);
    }

    @Test
    void logSumExpOfSomeEntitiesOfARowIsStableAtLargeScores() {
        // the second row, from offset 4: entities 1 and 3 score 1000 and 1000 + ln 3
        float[] rows = {9f, 9f, 9f, 9f, 5f, 1000f, -3f, (float) (1000 + Math.log(3))};

        assertThat(Scores.logSumExp(rows, 4, new int[] {1, 3}))
                .isCloseTo(1000 + Math.log(4), org.assertj.core.api.Assertions.within(1e-4));
        assertThat(Scores.logSumExp(rows, 0, new int[] {2})).isEqualTo(9.0);
    }

    @Test
    void topKAgreesWithSortingOnRandomRowsWithTiesNaNsAndAFilter() {
        java.util.Random random = new java.util.Random(3);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(300);
            int offset = random.nextInt(5);
            float[] scores = new float[offset + n];
            for (int e = 0; e < n; e++) {
                // few distinct values, so ties are common; now and then a NaN
                scores[offset + e] = random.nextInt(50) == 0 ? Float.NaN : random.nextInt(20) / 4f;
            }
            int k = random.nextInt(n + 5);
            int modulus = 1 + random.nextInt(4);
            java.util.function.IntPredicate allowed = e -> e % modulus != 0 || modulus == 1;

            int[] expected = java.util.stream.IntStream.range(0, n)
                    .filter(e -> !Float.isNaN(scores[offset + e]) && allowed.test(e)).boxed()
                    .sorted((a, b) -> scores[offset + a] != scores[offset + b]
                            ? Float.compare(scores[offset + b], scores[offset + a]) : Integer.compare(a, b))
                    .limit(k).mapToInt(Integer::intValue).toArray();

            assertThat(Scores.topK(scores, offset, n, k, allowed)).as("trial %d", trial).containsExactly(expected);
        }
    }
}
