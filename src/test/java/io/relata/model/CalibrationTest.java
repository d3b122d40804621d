package io.relata.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The multi-feature calibration and the expected calibration error, against cases whose answers are known. */
class CalibrationTest {

    @Test
    void fitRecoversTheWeightsThatGeneratedTheLabels() {
        // labels drawn with P(correct) = σ(2·logp + 0.5·score − 1·log rank + 1·rival + 0.3·ask + 0.8·log(1 + stated) + 0.4·fill + 1)
        Random random = new Random(5);
        List<Calibration.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            Calibration.Features f = new Calibration.Features(-4 * random.nextDouble(), 6 * random.nextDouble() - 3,
                    1 + random.nextInt(10), random.nextBoolean() ? 0 : -3 * random.nextDouble(), 4 * random.nextGaussian(), 0,
                    random.nextInt(4), 2 * random.nextGaussian(), 0, 0);
            double p = Calibration.sigmoid(2 * f.logProbability() + 0.5 * f.score() - Math.log(f.rank())
                    + f.rivalLogFactor() + 0.3 * f.askPresence() + 0.8 * Math.log1p(f.statedAnswers()) + 0.4 * f.askFill() + 1);
            samples.add(new Calibration.Sample(f, 0, false, random.nextDouble() < p));
        }

        Calibration fitted = Calibration.fit(samples, 1);

        assertThat(fitted.a()).isCloseTo(2.0, within(0.2));
        assertThat(fitted.score()).isCloseTo(0.5, within(0.1));
        assertThat(fitted.logRank()).isCloseTo(-1.0, within(0.2));
        assertThat(fitted.rival()).isCloseTo(1.0, within(0.2));
        assertThat(fitted.ask()).isCloseTo(0.3, within(0.05));
        assertThat(fitted.stated()).isCloseTo(0.8, within(0.15));
        assertThat(fitted.fill()).isCloseTo(0.4, within(0.08));
        assertThat(fitted.c()).isCloseTo(1.0, within(0.3));
        assertThat(fitted.reliability(samples).ece()).isLessThan(0.02);
    }

    @Test
    void aRelationWithEnoughHeldOutDataGetsAnOffsetOfItsOwn() {
        // relation 1 is right far more often than relation 0 at the same features
        Random random = new Random(11);
        List<Calibration.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            int relation = i % 2;
            Calibration.Features f = new Calibration.Features(-3 * random.nextDouble(), 0, 1, 0, 0, 0, 0, 0, 0, 0);
            double p = Calibration.sigmoid(f.logProbability() + (relation == 1 ? 2 : -1));
            samples.add(new Calibration.Sample(f, relation, true, random.nextDouble() < p));
        }

        Calibration fitted = Calibration.fit(samples, 2);
        Calibration.Features at = new Calibration.Features(-1, 0, 1, 0, 0, 0, 0, 0, 0, 0);

        assertThat(fitted.probability(at, 1, true)).isCloseTo(Calibration.sigmoid(1), within(0.03));
        assertThat(fitted.probability(at, 0, true)).isCloseTo(Calibration.sigmoid(-2), within(0.03));
        // the forward direction had no samples: it has no offset of its own
        assertThat(fitted.forwardOffsets()[1]).isZero();
    }

    @Test
    void eceIsTheCountWeightedGapBetweenConfidenceAndAccuracy() {
        // four predictions at confidence 0.9 (bin 9), three right; two at 0.2 (bin 2), none right
        double[] confidences = {0.9, 0.9, 0.9, 0.9, 0.2, 0.2};
        boolean[] correct = {true, true, true, false, false, false};

        Calibration.Reliability reliability = Calibration.reliability(confidences, correct);

        // (4/6)·|0.75 − 0.9| + (2/6)·|0 − 0.2| = 0.1 + 0.0667
        assertThat(reliability.ece()).isCloseTo(4.0 / 6 * 0.15 + 2.0 / 6 * 0.2, within(1e-9));
        assertThat(reliability.bins().get(9).count()).isEqualTo(4);
        assertThat(reliability.bins().get(9).accuracy()).isEqualTo(0.75);
        assertThat(reliability.bins().get(2).count()).isEqualTo(2);
    }

    @Test
    void withOnlyOneKindOfLabelTheFitKeepsTheIdentity() {
        List<Calibration.Sample> allRight = List.of(sample(-0.1, true), sample(-0.5, true));

        assertThat(Calibration.fit(allRight, 1)).isEqualTo(Calibration.identity());
        assertThat(Calibration.fit(List.of(), 1)).isEqualTo(Calibration.identity());
    }

    @Test
    void separableLabelsStillGiveFiniteParameters() {
        List<Calibration.Sample> separable = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            separable.add(sample(-i / 10.0, i < 50));
        }

        Calibration fitted = Calibration.fit(separable, 1);

        assertThat(Double.isFinite(fitted.a()) && Double.isFinite(fitted.c())).isTrue();
        assertThat(fitted.probability(features(-1), 0, false)).isGreaterThan(0.9);
        assertThat(fitted.probability(features(-9), 0, false)).isLessThan(0.1);
    }

    @Test
    void aCalibrationSavedBeforeTheOtherFeaturesReadsAsPlattScaling() {
        Calibration platt = new Calibration(2, 1, 0, 0, 0, 0, 0, 0, 0, null, null);

        assertThat(platt.probability(new Calibration.Features(-1, 7, 3, -2, 5, 5, 2, 3, 0, 0), 4, true))
                .isCloseTo(Calibration.sigmoid(2 * -1 + 1), within(1e-12));
    }

    @Test
    void inASlotThatHoldsOneAnswerNoCandidateIsLikelierThanItsShareOfTheModelsBelief() {
        // the regression alone would call both values of a gender near-certain (logit 8)
        Calibration sure = new Calibration(0, 8, 0, 0, 0, 0, 0, 0, 0, null, null);
        Calibration.Features likelier = new Calibration.Features(-0.4, 0, 1, 0, 0, 0, 0, 2, 1.0, Math.log(0.64));
        Calibration.Features other = new Calibration.Features(-1.0, 0, 2, 0, 0, 0, 0, 2, 1.0, Math.log(0.36));

        assertThat(sure.probability(likelier, 0, false)).isCloseTo(0.64, within(1e-9));
        assertThat(sure.probability(other, 0, false)).isCloseTo(0.36, within(1e-9));
        // where half the slots hold more than one answer, only half of the probability is bounded so
        Calibration.Features half = new Calibration.Features(-1.0, 0, 2, 0, 0, 0, 0, 2, 0.5, Math.log(0.36));
        assertThat(sure.probability(half, 0, false)).isCloseTo(0.5 * Calibration.sigmoid(8) + 0.5 * 0.36, within(1e-9));
        // a share above the regression's probability does not raise it
        Calibration unsure = new Calibration(0, -2, 0, 0, 0, 0, 0, 0, 0, null, null);
        assertThat(unsure.probability(likelier, 0, false)).isCloseTo(Calibration.sigmoid(-2), within(1e-12));
    }

    private static Calibration.Features features(double logp) {
        return new Calibration.Features(logp, 0, 1, 0, 0, 0, 0, 0, 0, 0);
    }

    private static Calibration.Sample sample(double logp, boolean correct) {
        return new Calibration.Sample(features(logp), 0, false, correct);
    }
}
