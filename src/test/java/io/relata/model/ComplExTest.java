package io.relata.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** The scoring math against hand-computed cases (rank 1, so every score is one complex product). */
class ComplExTest {

    // entities: e0 = 1 + 2i, e1 = 3 - i; relations: r0 = 0.5 + i, its reciprocal r0⁻¹ = 2 - i
    private static final float[][] ENTITIES = {{1, 2}, {3, -1}};
    private static final float[][] RELATIONS = {{0.5f, 1}, {2, -1}};

    @Test
    void answerScoreIsTheRealPartOfHeadTimesRelationTimesConjugateTail() {
        try (ComplEx model = ComplEx.of(ENTITIES, RELATIONS, true, Device.cpu())) {
            float[] scores = model.scoreAnswers(new int[] {0}, new int[] {0});

            // (1+2i)(0.5+i) = -1.5+2i; times conj(e0) = 1-2i gives 2.5+5i; times conj(e1) = 3+i gives -6.5+4.5i
            assertThat(scores[0]).isCloseTo(2.5f, within(1e-5f));
            assertThat(scores[1]).isCloseTo(-6.5f, within(1e-5f));
        }
    }

    @Test
    void inverseQueryWithReciprocalsIsAForwardQueryThroughTheReciprocalRelation() {
        try (ComplEx model = ComplEx.of(ENTITIES, RELATIONS, true, Device.cpu())) {
            float[] subjects = model.scoreSubjects(new int[] {1}, new int[] {0});
            float[] throughReciprocal = model.scoreAnswers(new int[] {1}, new int[] {1});

            assertThat(subjects).containsExactly(throughReciprocal);
            // (3-i)(2-i) = 5-5i; times conj(e0) = 1-2i: -5-15i; times conj(e1) = 3+i: 20-10i
            assertThat(subjects[0]).isCloseTo(-5f, within(1e-5f));
            assertThat(subjects[1]).isCloseTo(20f, within(1e-5f));
        }
    }

    @Test
    void withoutReciprocalsAnInverseQueryScoresEachSubjectWithTheSameTrilinearProduct() {
        try (ComplEx model = ComplEx.of(ENTITIES, RELATIONS, false, Device.cpu())) {
            float[] subjects = model.scoreSubjects(new int[] {1}, new int[] {0});
            float[] forwardFromE0 = model.scoreAnswers(new int[] {0}, new int[] {0});
            float[] forwardFromE1 = model.scoreAnswers(new int[] {1}, new int[] {0});

            // score(h, r0, e1) read from the other end must equal the forward score of the same triple
            assertThat(subjects[0]).isCloseTo(forwardFromE0[1], within(1e-5f));
            assertThat(subjects[1]).isCloseTo(forwardFromE1[1], within(1e-5f));
        }
    }

    @Test
    void forwardAndInverseRowsShareOnePassAndEachRowGetsItsLogNormaliser() {
        for (boolean reciprocal : new boolean[] {true, false}) {
            // large scores (around 10^5), so that exp overflows unless the normaliser is computed stably
            float[][] large = {{100, 200}, {300, -100}};
            try (ComplEx model = ComplEx.of(large, RELATIONS, reciprocal, Device.cpu())) {
                ComplEx.RowScores mixed = model.score(new int[] {1, 0, 1}, new int[] {0, 0, 0}, new boolean[] {true, false, false}, true);

                float[] inverse = model.scoreSubjects(new int[] {1}, new int[] {0});
                float[] forward0 = model.scoreAnswers(new int[] {0}, new int[] {0});
                float[] forward1 = model.scoreAnswers(new int[] {1}, new int[] {0});
                float[][] rows = {inverse, forward0, forward1};
                for (int i = 0; i < 3; i++) {
                    assertThat(java.util.Arrays.copyOfRange(mixed.scores(), 2 * i, 2 * i + 2)).as("row %d, reciprocal %s", i, reciprocal)
                            .containsExactly(rows[i][0], rows[i][1]);
                    double max = Math.max(rows[i][0], rows[i][1]);
                    double logZ = max + Math.log(Math.exp(rows[i][0] - max) + Math.exp(rows[i][1] - max));
                    assertThat((double) mixed.logNormalisers()[i]).isCloseTo(logZ, within(Math.abs(logZ) * 1e-6));
                }
            }
        }
    }

    @Test
    void aBatchScoresEachQueryInItsOwnRow() {
        try (ComplEx model = ComplEx.of(ENTITIES, RELATIONS, true, Device.cpu())) {
            float[] batch = model.scoreAnswers(new int[] {0, 1}, new int[] {0, 1});
            float[] first = model.scoreAnswers(new int[] {0}, new int[] {0});
            float[] second = model.scoreAnswers(new int[] {1}, new int[] {1});

            assertThat(batch).containsExactly(first[0], first[1], second[0], second[1]);
        }
    }

    @Test
    void writtenParametersReadBackScoreTheSame() throws Exception {
        try (ComplEx model = ComplEx.of(ENTITIES, RELATIONS, true, Device.cpu())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            model.write(out);
            try (ComplEx read = ComplEx.read(new ByteArrayInputStream(out.toByteArray()), 1, 1, true, Device.cpu())) {
                assertThat(read.scoreAnswers(new int[] {0, 1}, new int[] {0, 1}))
                        .containsExactly(model.scoreAnswers(new int[] {0, 1}, new int[] {0, 1}));
            }
        }
    }

    @Test
    void aTrainingStepRaisesTheScoreOfTheTrueAnswer() {
        TrainingSettings settings = new TrainingSettings(4, 1, 2, 0.1f, 0.0f, 0.1f, true, 1, 1, 7L);
        try (ComplEx model = ComplEx.initialise(5, 1, settings, Device.cpu())) {
            int[][] batch = {{0, 0, 3}};
            float before = model.scoreAnswers(new int[] {0}, new int[] {0})[3];
            float firstLoss = model.trainStep(batch, 0.1f, 0f);
            float after = model.scoreAnswers(new int[] {0}, new int[] {0})[3];
            float secondLoss = model.trainStep(batch, 0.1f, 0f);

            assertThat(firstLoss).isCloseTo((float) Math.log(5), within(0.05f));
            assertThat(after).isGreaterThan(before);
            assertThat(secondLoss).isLessThan(firstLoss);
        }
    }
}
