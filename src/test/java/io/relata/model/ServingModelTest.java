package io.relata.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import io.relata.RelataProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serving model: answers through the batching scorer, swaps versions atomically, refuses damaged ones. */
class ServingModelTest {

    private static final int FAMILIES = 6;
    private static final List<LinkQuery> QUESTIONS = List.of(
            new LinkQuery(1002 + 2, "mother", false),
            new LinkQuery(1002, "mother", true),
            new LinkQuery(1003, "spouse", true));

    @TempDir
    static Path trained;

    private static final List<String> trainedVersions = new ArrayList<>();

    @TempDir
    Path home;

    @Test
    void answersWithCalibratedProbabilitiesAndEntityIdsOfTheStore() {
        ModelRegistry registry = registryWithVersions(1);
        ServingModel serving = serving(registry);
        try {
            String version = registry.list().get(0).version();
            serving.activate(version);

            List<List<Prediction>> answers = serving.predict(QUESTIONS, 3);

            assertThat(serving.status()).isEqualTo(ModelStatus.loaded(version, "cpu"));
            assertThat(answers).hasSize(3).allSatisfy(list -> assertThat(list).hasSize(3));
            assertThat(answers.get(0)).allSatisfy(p -> {
                assertThat(p.entityId()).isBetween(1000L, 1000L + FamilyGraph.entityCount(FAMILIES));
                assertThat(p.probability()).isBetween(0.0, 1.0);
            });
            assertThat(answers.get(0)).extracting(Prediction::entityId).doesNotContain(1004L);
            assertThat(answers.get(0)).isSortedAccordingTo((a, b) -> Double.compare(b.probability(), a.probability()));
            assertThat(serving.knowsEntity(1002)).isTrue();
            assertThat(serving.knowsEntity(99)).isFalse();
            assertThat(serving.predict(List.of(new LinkQuery(99, "mother", false), new LinkQuery(1002, "unheard-of", false)), 3))
                    .containsExactly(List.of(), List.of());
        } finally {
            serving.shutdown();
        }
    }

    @Test
    void withoutAnActiveVersionNothingIsPredicted() {
        ServingModel serving = serving(ModelRegistry.at(home));
        try {
            assertThat(serving.status().loaded()).isFalse();
            assertThat(serving.predict(QUESTIONS, 3)).allSatisfy(list -> assertThat(list).isEmpty());
        } finally {
            serving.shutdown();
        }
    }

    @Test
    void swappingVersionsUnderConcurrentQuestionsNeverFailsOrMixesThem() throws Exception {
        ModelRegistry registry = registryWithVersions(2);
        List<String> versions = registry.list().stream().map(ModelManifest::version).toList();
        ServingModel serving = serving(registry);
        ExecutorService askers = Executors.newFixedThreadPool(4);
        try {
            Map<String, List<List<Prediction>>> expected = new ConcurrentHashMap<>();
            for (String version : versions) {
                serving.activate(version);
                expected.put(version, serving.predict(QUESTIONS, 3));
            }
            assertThat(expected.get(versions.get(0))).isNotEqualTo(expected.get(versions.get(1)));

            AtomicBoolean swapping = new AtomicBoolean(true);
            List<Future<Integer>> asked = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                asked.add(askers.submit(() -> {
                    int questions = 0;
                    while (swapping.get() || questions < 10) {
                        try (RelationModel.ModelSession session = serving.open()) {
                            String version = session.status().version();
                            List<List<Prediction>> first = session.predict(QUESTIONS.subList(0, 1), 3);
                            List<List<Prediction>> rest = session.predict(QUESTIONS.subList(1, 3), 3);
                            assertSameAnswers(first.get(0), expected.get(version).get(0));
                            assertSameAnswers(rest.get(0), expected.get(version).get(1));
                            assertSameAnswers(rest.get(1), expected.get(version).get(2));
                        }
                        questions++;
                    }
                    return questions;
                }));
            }
            for (int swap = 0; swap < 20; swap++) {
                serving.activate(versions.get(swap % 2));
                Thread.sleep(5);
            }
            swapping.set(false);
            for (Future<Integer> f : asked) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(10);
            }
        } finally {
            askers.shutdownNow();
            serving.shutdown();
        }
    }

    @Test
    void aDamagedVersionIsRefusedAndTheActiveOneKeepsAnswering() throws Exception {
        ModelRegistry registry = registryWithVersions(2);
        List<String> versions = registry.list().stream().map(ModelManifest::version).toList();
        ServingModel serving = serving(registry);
        try {
            serving.activate(versions.get(0));
            List<List<Prediction>> before = serving.predict(QUESTIONS, 3);
            Path parameters = home.resolve("models").resolve(versions.get(1)).resolve(ModelRegistry.PARAMETERS);
            byte[] bytes = Files.readAllBytes(parameters);
            bytes[bytes.length / 2] ^= 0x7f;
            Files.write(parameters, bytes);

            assertThatThrownBy(() -> serving.activate(versions.get(1))).isInstanceOf(DamagedModelException.class);

            assertThat(serving.status().version()).isEqualTo(versions.get(0));
            assertThat(registry.activeVersion()).contains(versions.get(0));
            List<List<Prediction>> after = serving.predict(QUESTIONS, 3);
            for (int i = 0; i < before.size(); i++) {
                assertSameAnswers(after.get(i), before.get(i));
            }
        } finally {
            serving.shutdown();
        }
    }

    @Test
    void theActiveVersionIsServedAgainAfterARestart() {
        ModelRegistry registry = registryWithVersions(1);
        String version = registry.list().get(0).version();
        ServingModel first = serving(registry);
        first.activate(version);
        first.shutdown();

        ServingModel restarted = serving(registry);
        try {
            assertThat(restarted.status().version()).isEqualTo(version);
        } finally {
            restarted.shutdown();
        }
    }

    /** The same entities in the same order with the same probabilities, up to float rounding that differs by batch. */
    private static void assertSameAnswers(List<Prediction> actual, List<Prediction> expected) {
        assertThat(actual).extracting(Prediction::entityId).containsExactlyElementsOf(expected.stream().map(Prediction::entityId).toList());
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).probability()).isCloseTo(expected.get(i).probability(), org.assertj.core.api.Assertions.within(1e-5));
        }
    }

    @Test
    void aVersionAskedForByNameAnswersAfterAnotherWasActivatedAndOneNotLoadedIsLoaded() {
        ModelRegistry registry = registryWithVersions(2);
        List<String> versions = registry.list().stream().map(ModelManifest::version).toList();
        ServingModel serving = serving(registry);
        try {
            serving.activate(versions.get(0));
            List<List<Prediction>> first;
            try (RelationModel.ModelSession session = serving.open(versions.get(0))) {
                first = session.predict(QUESTIONS, 3);
            }
            serving.activate(versions.get(1));

            try (RelationModel.ModelSession previous = serving.open(versions.get(0))) {
                assertThat(previous.status().version()).as("the version replaced stays as the standby").isEqualTo(versions.get(0));
                List<List<Prediction>> again = previous.predict(QUESTIONS, 3);
                for (int i = 0; i < first.size(); i++) {
                    assertSameAnswers(again.get(i), first.get(i));
                }
            }
            try (RelationModel.ModelSession active = serving.open(null)) {
                assertThat(active.status().version()).isEqualTo(versions.get(1));
            }
            assertThat(serving.status().version()).isEqualTo(versions.get(1));
        } finally {
            serving.shutdown();
        }

        ServingModel restarted = serving(registry);
        try {
            try (RelationModel.ModelSession loaded = restarted.open(versions.get(0))) {
                assertThat(loaded.status().version()).as("loaded from the registry on request").isEqualTo(versions.get(0));
                assertThat(loaded.predict(QUESTIONS, 3).get(0)).isNotEmpty();
            }
            assertThat(restarted.status().version()).as("asking for a version does not activate it").isEqualTo(versions.get(1));
            assertThatThrownBy(() -> restarted.open("v19990101-000000-none")).isInstanceOf(UnknownModelException.class);
        } finally {
            restarted.shutdown();
        }
    }

    @Test
    void aReplicaFollowsAVersionActivatedByAnotherOnTheSharedRegistry() {
        ModelRegistry registry = registryWithVersions(2);
        List<String> versions = registry.list().stream().map(ModelManifest::version).toList();
        ServingModel one = serving(registry);
        ServingModel other = serving(registry);
        try {
            one.activate(versions.get(0));
            other.followRegistry();
            assertThat(other.status().version()).isEqualTo(versions.get(0));

            one.activate(versions.get(1));
            assertThat(other.status().version()).isEqualTo(versions.get(0));
            other.followRegistry();
            assertThat(other.status().version()).isEqualTo(versions.get(1));
        } finally {
            one.shutdown();
            other.shutdown();
        }
    }

    /** A registry in this test's home holding copies of the first {@code count} versions trained for the class. */
    private ModelRegistry registryWithVersions(int count) {
        Path models = home.resolve("models");
        try {
            Files.createDirectories(models);
            for (String version : trainedVersions.subList(0, count)) {
                Path from = trained.resolve(version);
                try (var files = Files.walk(from)) {
                    for (Path file : files.toList()) {
                        Files.copy(file, models.resolve(version).resolve(from.relativize(file).toString()));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ModelRegistry.at(models);
    }

    @BeforeAll
    static void trainTwoVersions() {
        ModelRegistry registry = ModelRegistry.at(trained);
        List<Triples> split = FamilyGraph.facts(FAMILIES, 1).split(0.2, 3);
        int n = FamilyGraph.entityCount(FAMILIES);
        Vocabulary vocabulary = new Vocabulary(IntStream.range(0, n).mapToLong(i -> 1000 + i).toArray(),
                IntStream.range(0, n).mapToObj(i -> "person " + i).toList(),
                List.of("mother", "father", "spouse", "sibling", "gender"));
        for (int seed = 0; seed < 2; seed++) {
            TrainingSettings quick = new TrainingSettings(8, 5, 20, 0.1f, 0.01f, 1e-3f, true, 3, 5, 11L + seed);
            try (TrainedModel model = TrainedModel.train(split.get(0), split.get(1), n, FamilyGraph.RELATIONS, quick,
                    Device.cpu(), TrainingProgress.NONE)) {
                trainedVersions.add(registry.save(model, vocabulary, split.get(0).size(), split.get(1).size(), "fingerprint" + seed).version());
            }
        }
    }

    private ServingModel serving(ModelRegistry registry) {
        RelataProperties properties = new RelataProperties(home, new RelataProperties.Demo(false),
                new RelataProperties.Ingest(1000, 10_000, 1000, 500),
                new RelataProperties.Query(10, 1000, 1000, 100, 10_485_760, 64, Duration.ofSeconds(2), 5, 0.8, 0.5, 10_000, Duration.ofSeconds(5)),
                new RelataProperties.Lexicon(Duration.ofSeconds(10)),
                new RelataProperties.Model(false, "cpu", 16, Duration.ofMillis(1), 1024, false, Duration.ofSeconds(30)), new RelataProperties.Security(false, java.util.List.of(), java.util.List.of()),
                RelataProperties.Role.ALL, null);
        return new ServingModel(registry, properties, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }
}
