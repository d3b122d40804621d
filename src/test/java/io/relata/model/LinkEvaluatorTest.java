package io.relata.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Filtered ranking with ties against the model, and the metrics over ranks, on hand-made score rows. */
class LinkEvaluatorTest {

    @Test
    void rankCountsEntitiesScoringHigherPlusOne() {
        float[] scores = {0.1f, 0.9f, 0.5f, 0.7f};

        assertThat(LinkEvaluator.rank(scores, 0, 4, 2, new int[0])).isEqualTo(3);
        assertThat(LinkEvaluator.rank(scores, 0, 4, 1, new int[0])).isEqualTo(1);
    }

    @Test
    void tiesCountAgainstTheModel() {
        float[] scores = {0.5f, 0.5f, 0.5f, 0.1f};

        assertThat(LinkEvaluator.rank(scores, 0, 4, 0, new int[0])).isEqualTo(3);
    }

    @Test
    void otherKnownAnswersAreFilteredButTheTargetItselfIsRanked() {
        float[] scores = {0.1f, 0.9f, 0.5f, 0.7f};

        // entities 1 and 3 score higher but are other true answers, so nothing outranks entity 2
        assertThat(LinkEvaluator.rank(scores, 0, 4, 2, new int[] {1, 2, 3})).isEqualTo(1);
    }

    @Test
    void rankReadsItsOwnRowOfABatch() {
        float[] twoRows = {0.9f, 0.1f, 0.2f, 0.1f, 0.9f, 0.2f};

        assertThat(LinkEvaluator.rank(twoRows, 3, 3, 1, new int[0])).isEqualTo(1);
        assertThat(LinkEvaluator.rank(twoRows, 0, 3, 1, new int[0])).isEqualTo(3);
    }

    @Test
    void aNaNScoreRanksLast() {
        assertThat(LinkEvaluator.rank(new float[] {Float.NaN, 0.2f, 0.3f}, 0, 3, 0, new int[0])).isEqualTo(3);
    }

    @Test
    void metricsAreMeansOverRanks() {
        LinkMetrics m = LinkMetrics.of(new int[] {1, 2, 4, 20});

        assertThat(m.mrr()).isCloseTo((1 + 0.5 + 0.25 + 0.05) / 4, within(1e-12));
        assertThat(m.hits1()).isEqualTo(0.25);
        assertThat(m.hits3()).isEqualTo(0.5);
        assertThat(m.hits10()).isEqualTo(0.75);
        assertThat(m.queries()).isEqualTo(4);
    }

    @Test
    void reciprocalOfARelationIsShiftedByTheRelationCountAndBack() {
        assertThat(LinkQueries.reciprocal(2, 5)).isEqualTo(7);
        assertThat(LinkQueries.reciprocal(7, 5)).isEqualTo(2);
    }

    @Test
    void everyFactTeachesAForwardAndAnInverseQuery() {
        Triples facts = Triples.of(List.of(new int[] {0, 1, 2}, new int[] {3, 0, 4}));

        int[][] queries = LinkQueries.of(facts, 2, true);

        assertThat(queries).isDeepEqualTo(new int[][] {{0, 1, 2}, {3, 0, 4}, {2, 3, 0}, {4, 2, 3}});
        assertThat(LinkQueries.of(facts, 2, false)).isDeepEqualTo(new int[][] {{0, 1, 2}, {3, 0, 4}});
    }

    @Test
    void factsOfSymmetricRelationsAreAlsoLearnedTheOtherWayRound() {
        Triples facts = Triples.of(List.of(new int[] {0, 1, 2}, new int[] {3, 0, 4}, new int[] {4, 0, 3}, new int[] {5, 1, 6}));

        Triples both = facts.withConverses(java.util.Set.of(0));

        // relation 0 is symmetric and already stated both ways; relation 1 is not symmetric
        assertThat(both.size()).isEqualTo(4);
        Triples spouses = Triples.of(List.of(new int[] {0, 2, 1}, new int[] {2, 0, 3}));
        assertThat(spouses.withConverses(java.util.Set.of(2)).size()).isEqualTo(3);
        assertThat(spouses.withConverses(java.util.Set.of(2)).row(2)).containsExactly(1, 2, 0);
    }
}
