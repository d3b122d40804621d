package io.relata.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Platt scaling and the expected calibration error against cases whose answers are known. */
class CalibrationTest {

    @Test
    void fitRecoversTheProbabilityThatGeneratedTheLabels() {
        // labels drawn with P(correct) = σ(2·logp + 1)
        Random random = new Random(5);
        List<Calibration.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double logp = -4 * random.nextDouble();
            double p = Calibration.sigmoid(2 * logp + 1);
            samples.add(new Calibration.Sample(logp, random.nextDouble() < p));
        }

        Calibration fitted = Calibration.fit(samples);

        assertThat(fitted.a()).isCloseTo(2.0, within(0.2));
        assertThat(fitted.c()).isCloseTo(1.0, within(0.2));
        assertThat(fitted.reliability(samples).ece()).isLessThan(0.02);
    }

    @Test
    void eceIsTheCountWeightedGapBetweenConfidenceAndAccuracy() {
        // four predictions at confidence 0.9 (bin 9), three right; two at 0.2 (bin 2), none right
        Calibration logit = new Calibration(1, 0);
        List<Calibration.Sample> samples = List.of(
                sample(0.9, true), sample(0.9, true), sample(0.9, true), sample(0.9, false),
                sample(0.2, false), sample(0.2, false));

        Calibration.Reliability reliability = logit.reliability(samples);

        // (4/6)·|0.75 − 0.9| + (2/6)·|0 − 0.2| = 0.1 + 0.0667
        assertThat(reliability.ece()).isCloseTo(4.0 / 6 * 0.15 + 2.0 / 6 * 0.2, within(1e-9));
        assertThat(reliability.bins().get(9).count()).isEqualTo(4);
        assertThat(reliability.bins().get(9).accuracy()).isEqualTo(0.75);
        assertThat(reliability.bins().get(2).count()).isEqualTo(2);
    }

    @Test
    void withOnlyOneKindOfLabelTheFitKeepsTheIdentity() {
        List<Calibration.Sample> allRight = List.of(new Calibration.Sample(-0.1, true), new Calibration.Sample(-0.5, true));

        assertThat(Calibration.fit(allRight)).isEqualTo(Calibration.identity());
        assertThat(Calibration.fit(List.of())).isEqualTo(Calibration.identity());
    }

    @Test
    void separableLabelsStillGiveFiniteParameters() {
        List<Calibration.Sample> separable = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            separable.add(new Calibration.Sample(-i / 10.0, i < 50));
        }

        Calibration fitted = Calibration.fit(separable);

        assertThat(Double.isFinite(fitted.a()) && Double.isFinite(fitted.c())).isTrue();
        assertThat(fitted.probability(-1)).isGreaterThan(0.9);
        assertThat(fitted.probability(-9)).isLessThan(0.1);
    }

    /** A sample whose σ(log p) is the wanted confidence, for the calibration σ(1·log p + 0). */
    private static Calibration.Sample sample(double confidence, boolean correct) {
        return new Calibration.Sample(Math.log(confidence / (1 - confidence)), correct);
    }
}
