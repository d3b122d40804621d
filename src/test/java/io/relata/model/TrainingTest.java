package io.relata.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A real training run on the synthetic family graph, with the held-out facts as the test. */
class TrainingTest {

    private static final int FAMILIES = 40;
    private static final TrainingSettings SMALL = new TrainingSettings(32, 30, 100, 0.1f, 0.01f, 1e-3f, true, 3, 5, 42L);

    @Test
    void learnsHeldOutFactsInBothDirections() {
        Triples all = FamilyGraph.facts(FAMILIES, 1);
        List<Triples> split = all.split(0.1, 3);
        List<Triples> trainValid = split.get(0).split(0.1, 4);
        Triples train = trainValid.get(0);
        Triples valid = trainValid.get(1);
        Triples test = split.get(1);

        try (TrainedModel model = TrainedModel.train(train, valid, FamilyGraph.entityCount(FAMILIES), FamilyGraph.RELATIONS,
                SMALL, Device.cpu(), TrainingProgress.NONE)) {
            LinkMetrics.ByDirection metrics = model.evaluate(test, train, valid, test);

            // measured 0.75 forward / 0.67 inverse (the inverse gender queries have ~100 true answers); chance is about 0.03
            assertThat(metrics.forward().mrr()).isGreaterThan(0.5);
            assertThat(metrics.inverse().mrr()).isGreaterThan(0.5);
            assertThat(model.reliability().samples()).isPositive();
        }
    }

    @Test
    void theRefittedModelKnowsTheFactsThatWereHeldOutToChooseItsEpochs() {
        Triples all = FamilyGraph.facts(FAMILIES, 1);
        List<Triples> split = all.split(0.1, 3);
        Triples train = split.get(0);
        Triples heldOut = split.get(1);
        int entities = FamilyGraph.entityCount(FAMILIES);

        try (TrainedModel chosen = TrainedModel.train(train, heldOut, entities, FamilyGraph.RELATIONS, SMALL, Device.cpu(), TrainingProgress.NONE);
                TrainedModel serving = chosen.refit(all, entities, FamilyGraph.RELATIONS, TrainingProgress.NONE)) {
            LinkMetrics.ByDirection before = chosen.evaluate(heldOut, all);
            LinkMetrics.ByDirection after = serving.evaluate(heldOut, all);

            // trained on every fact for the epochs validation chose, it answers each held-out fact first, both ways
            assertThat(after.forward().hits1()).isGreaterThanOrEqualTo(0.99);
            assertThat(after.inverse().hits1()).isGreaterThanOrEqualTo(0.99);
            assertThat(before.both().hits1()).isLessThan(after.both().hits1());
            assertThat(serving.trainedOnHeldOut()).isTrue();
            assertThat(serving.epochs()).isEqualTo(chosen.bestEpoch());
            assertThat(serving.calibration()).isEqualTo(chosen.calibration());
        }
    }

    /**
     * The same seed gives the same model up to floating-point noise, and another seed a different one. Not bit for bit:
     * libtorch's matrix products (MKL) may split their work differently when other libtorch work runs in the same JVM,
     * as it does in the full test suite, and the sums then round differently in the last places.
     */
    @Test
    void theSameSeedTrainsTheSameModel() {
        Triples all = FamilyGraph.facts(10, 1);
        List<Triples> split = all.split(0.2, 3);
        TrainingSettings quick = new TrainingSettings(8, 5, 20, 0.1f, 0.01f, 1e-3f, true, 3, 5, 9L);

        // a run that diverged starts again from the next seed (Trainer): compare two runs that kept the seed asked for
        try (TrainedModel first = keptSeed(split, quick);
                TrainedModel second = keptSeed(split, quick)) {
            assertThat(second.validation().both().mrr()).isCloseTo(first.validation().both().mrr(), within(0.01));
            float[] firstScores = first.embeddings().scoreAnswers(new int[] {2}, new int[] {0});
            float[] secondScores = second.embeddings().scoreAnswers(new int[] {2}, new int[] {0});
            assertThat(secondScores).containsExactly(firstScores, within(0.02f));
        }
        TrainingSettings otherSeed = new TrainingSettings(8, 5, 20, 0.1f, 0.01f, 1e-3f, true, 3, 5, 10L);
        try (TrainedModel first = TrainedModel.train(split.get(0), split.get(1), FamilyGraph.entityCount(10), FamilyGraph.RELATIONS, quick, Device.cpu(), TrainingProgress.NONE);
                TrainedModel other = TrainedModel.train(split.get(0), split.get(1), FamilyGraph.entityCount(10), FamilyGraph.RELATIONS, otherSeed, Device.cpu(), TrainingProgress.NONE)) {
            float[] firstScores = first.embeddings().scoreAnswers(new int[] {2}, new int[] {0});
            float[] otherScores = other.embeddings().scoreAnswers(new int[] {2}, new int[] {0});
            double largest = 0;
            for (int i = 0; i < firstScores.length; i++) {
                largest = Math.max(largest, Math.abs(firstScores[i] - otherScores[i]));
            }
            assertThat(largest).as("another seed trains another model").isGreaterThan(0.1);
        }
    }

    @Test
    void progressIsReportedEveryEpochAndCancellingStopsTheRun() {
        Triples all = FamilyGraph.facts(10, 1);
        List<Triples> split = all.split(0.2, 3);
        TrainingSettings many = new TrainingSettings(8, 1000, 20, 0.1f, 0.01f, 1e-3f, true, 1000, 5, 9L);
        AtomicInteger epochs = new AtomicInteger();
        TrainingProgress stopAfterThree = new TrainingProgress() {
            @Override
            public void epoch(int epoch, int total, double loss, LinkMetrics.ByDirection validation, double seconds) {
                epochs.set(epoch);
            }

            @Override
            public boolean cancelled() {
                return epochs.get() >= 3;
            }
        };

        assertThatThrownBy(() -> TrainedModel.train(split.get(0), split.get(1), FamilyGraph.entityCount(10), FamilyGraph.RELATIONS, many, Device.cpu(), stopAfterThree))
                .isInstanceOf(TrainingCancelledException.class);
        assertThat(epochs.get()).isEqualTo(3);
    }

    @Test
    void trainingWithoutHeldOutFactsIsRefused() {
        Triples none = Triples.of(List.of());

        assertThatThrownBy(() -> TrainedModel.train(FamilyGraph.facts(2, 1), none, FamilyGraph.entityCount(2), FamilyGraph.RELATIONS, SMALL, Device.cpu(), TrainingProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A model trained with {@code settings} whose run did not have to start again from another seed (at most 4 tries). */
    private static TrainedModel keptSeed(List<Triples> split, TrainingSettings settings) {
        for (int attempt = 0; ; attempt++) {
            TrainedModel model = TrainedModel.train(split.get(0), split.get(1), FamilyGraph.entityCount(10),
                    FamilyGraph.RELATIONS, settings, Device.cpu(), TrainingProgress.NONE);
            if (model.settings().seed() == settings.seed() || attempt == 3) {
                return model;
            }
            model.close();
        }
    }
}
