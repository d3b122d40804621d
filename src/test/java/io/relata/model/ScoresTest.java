package io.relata.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoresTest {

    @Test
    void logSumExpOfARowIsStableForLargeScores() {
        float[] rows = {0, 0, 1000, 1000};

        assertThat(Scores.logSumExp(rows, 0, 2)).isCloseTo(Math.log(2), within(1e-9));
        assertThat(Scores.logSumExp(rows, 2, 2)).isCloseTo(1000 + Math.log(2), within(1e-6));
    }

    @Test
    void topKIsBestFirstSkipsTheExcludedEntityAndBreaksTiesByIndex() {
        float[] row = {0.5f, 0.9f, 0.5f, 0.1f, 0.7f};

        assertThat(Scores.topK(row, 0, 5, 3, -1)).containsExactly(1, 4, 0);
        assertThat(Scores.topK(row, 0, 5, 3, 1)).containsExactly(4, 0, 2);
        assertThat(Scores.topK(row, 0, 5, 10, -1)).hasSize(5);
    }
}
