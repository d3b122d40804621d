package io.relata.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.model.Calibration;
import io.relata.model.Cardinality;
import io.relata.model.LinkMetrics;
import io.relata.model.ModelManifest;
import io.relata.model.TrainingSettings;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivationDecisionTest {

    private static final String DATA = "aaaa";

    @Test
    void firstModelIsActivated() {
        ActivationDecision decision = ActivationDecision.decide(Activation.IF_NOT_WORSE, Optional.empty(), model("new", DATA, 0.30));

        assertThat(decision.activate()).isTrue();
        assertThat(decision.rule()).isEqualTo("no-active-model");
    }

    @Test
    void modelWithinTheToleranceBelowTheActiveOneIsNotWorse() {
        ActivationDecision decision = ActivationDecision.decide(Activation.IF_NOT_WORSE,
                Optional.of(model("old", DATA, 0.600)), model("new", DATA, 0.591));

        assertThat(decision.activate()).isTrue();
        assertThat(decision.rule()).isEqualTo("not-worse");
        assertThat(decision.reason()).contains("0.5910").contains("0.6000").contains("old");
    }

    @Test
    void modelMoreThanTheToleranceBelowTheActiveOneIsWorseAndNotActivated() {
        ActivationDecision decision = ActivationDecision.decide(Activation.IF_NOT_WORSE,
                Optional.of(model("old", DATA, 0.600)), model("new", DATA, 0.589));

        assertThat(decision.activate()).isFalse();
        assertThat(decision.rule()).isEqualTo("worse");
    }

    @Test
    void changedFactsMakeTheOldNumberIncomparableSoTheNewModelIsActivated() {
        ActivationDecision decision = ActivationDecision.decide(Activation.IF_NOT_WORSE,
                Optional.of(model("old", DATA, 0.900)), model("new", "bbbb", 0.100));

        assertThat(decision.activate()).isTrue();
        assertThat(decision.rule()).isEqualTo("data-changed");
    }

    @Test
    void alwaysAndNeverOverrideTheMetrics() {
        ActivationDecision always = ActivationDecision.decide(Activation.ALWAYS, Optional.of(model("old", DATA, 0.9)), model("new", DATA, 0.1));
        ActivationDecision never = ActivationDecision.decide(Activation.NEVER, Optional.empty(), model("new", DATA, 0.9));

        assertThat(always.activate()).isTrue();
        assertThat(always.rule()).isEqualTo("always");
        assertThat(never.activate()).isFalse();
        assertThat(never.rule()).isEqualTo("never");
    }

    @Test
    void activationNamesAreTheWireNames() {
        assertThat(Activation.fromWire("if-not-worse")).isEqualTo(Activation.IF_NOT_WORSE);
        assertThat(Activation.IF_NOT_WORSE.wireName()).isEqualTo("if-not-worse");
        assertThat(Activation.fromWire("never")).isEqualTo(Activation.NEVER);
    }

    static ModelManifest model(String version, String fingerprint, double mrr) {
        LinkMetrics metrics = new LinkMetrics(mrr, mrr, mrr, mrr, 10);
        return new ModelManifest(version, Instant.parse("2026-01-01T00:00:00Z"), ModelManifest.ALGORITHM,
                TrainingSettings.defaults(), 10, 2, 90, 10, fingerprint, new LinkMetrics.ByDirection(metrics, metrics, metrics),
                Calibration.identity(), new Calibration.Reliability(0.02, 20, List.of()), null, Cardinality.none(), 10, true,
                1.0, "cpu", "sha", "roles-sha");
    }
}
