package io.relata.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving, loading and refusing model versions on disk. */
class ModelRegistryTest {

    private static final int FAMILIES = 6;
    private static TrainedModel trained;
    private static Vocabulary vocabulary;

    @TempDir
    Path home;

    @BeforeAll
    static void train() {
        List<Triples> split = FamilyGraph.facts(FAMILIES, 1).split(0.2, 3);
        TrainingSettings quick = new TrainingSettings(8, 5, 20, 0.1f, 0.01f, 1e-3f, true, 3, 5, 9L);
        trained = TrainedModel.train(split.get(0), split.get(1), FamilyGraph.entityCount(FAMILIES), FamilyGraph.RELATIONS,
                quick, Device.cpu(), TrainingProgress.NONE);
        int n = FamilyGraph.entityCount(FAMILIES);
        vocabulary = new Vocabulary(IntStream.range(0, n).mapToLong(i -> 1000 + i).toArray(),
                IntStream.range(0, n).mapToObj(i -> "person " + i).toList(),
                List.of("mother", "father", "spouse", "sibling", "gender"));
    }

    @AfterAll
    static void close() {
        trained.close();
    }

    @Test
    void aSavedVersionLoadsBackAndScoresTheSame() {
        ModelRegistry registry = ModelRegistry.at(home);
        ModelManifest manifest = registry.save(trained, vocabulary, 100, 20, "abcdef0123456789");

        LoadedModel loaded = registry.load(manifest.version(), Device.cpu());
        try {
            assertThat(loaded.manifest()).isEqualTo(manifest);
            assertThat(loaded.entityIndex(1003)).isEqualTo(3);
            assertThat(loaded.entityId(3)).isEqualTo(1003);
            assertThat(loaded.relationIndex("gender")).isEqualTo(4);
            assertThat(loaded.embeddings().scoreAnswers(new int[] {2, 3}, new int[] {0, 4}))
                    .containsExactly(trained.embeddings().scoreAnswers(new int[] {2, 3}, new int[] {0, 4}));
            assertThat(registry.list()).extracting(ModelManifest::version).containsExactly(manifest.version());
            assertThat(manifest.version()).startsWith("v").endsWith("-abcdef01");
        } finally {
            loaded.retire();
        }
    }

    @Test
    void aVersionSavedBeforeTheSlotFeaturesLoadsWithoutThem() throws Exception {
        ModelRegistry registry = ModelRegistry.at(home);
        ModelManifest manifest = registry.save(trained, vocabulary, 100, 20, "abcdef0123456789");
        Path file = home.resolve(manifest.version()).resolve("manifest.json");
        String json = Files.readString(file);
        String older = json.replaceAll("\"(stated|fill)\"\\s*:\\s*[-0-9.eE]+\\s*,", "");
        assertThat(older).isNotEqualTo(json).doesNotContain("\"fill\"");
        Files.writeString(file, older);

        LoadedModel loaded = registry.load(manifest.version(), Device.cpu());
        try {
            assertThat(loaded.manifest().calibration().stated()).isZero();
            assertThat(loaded.manifest().calibration().fill()).isZero();
            assertThat(loaded.manifest().calibration().a()).isEqualTo(manifest.calibration().a());
        } finally {
            loaded.retire();
        }
    }

    @Test
    void noTemporaryFolderIsLeftBehind() throws Exception {
        ModelRegistry registry = ModelRegistry.at(home);
        registry.save(trained, vocabulary, 100, 20, "abcdef0123456789");

        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("."));
        }
    }

    @Test
    void twoVersionsSavedInTheSameSecondGetDistinctNames() {
        ModelRegistry registry = ModelRegistry.at(home);
        ModelManifest first = registry.save(trained, vocabulary, 100, 20, "abcdef0123456789");
        ModelManifest second = registry.save(trained, vocabulary, 100, 20, "abcdef0123456789");

        assertThat(second.version()).isNotEqualTo(first.version());
        assertThat(registry.list()).hasSize(2);
    }

    @Test
    void alteredParametersAreRefusedByTheirChecksum() throws Exception {
        ModelRegistry registry = ModelRegistry.at(home);
        ModelManifest manifest = registry.save(trained, vocabulary, 100, 20, "abcdef0123456789");
        Path parameters = home.resolve(manifest.version()).resolve(ModelRegistry.PARAMETERS);
        byte[] bytes = Files.readAllBytes(parameters);
        bytes[bytes.length - 1] ^= 0x55;
        Files.write(parameters, bytes);

        assertThatThrownBy(() -> registry.load(manifest.version(), Device.cpu()))
                .isInstanceOf(DamagedModelException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void truncatedParametersAreRefused() throws Exception {
        ModelRegistry registry = ModelRegistry.at(home);
        ModelManifest manifest = registry.save(trained, vocabulary, 100, 20, "abcdef0123456789");
        Path parameters = home.resolve(manifest.version()).resolve(ModelRegistry.PARAMETERS);
        Files.write(parameters, new byte[] {1, 2, 3});

        assertThatThrownBy(() -> registry.load(manifest.version(), Device.cpu())).isInstanceOf(DamagedModelException.class);
    }

    @Test
    void aMissingVocabularyOrManifestIsRefused() throws Exception {
        ModelRegistry registry = ModelRegistry.at(home);
        ModelManifest first = registry.save(trained, vocabulary, 100, 20, "abcdef0123456789");
        ModelManifest second = registry.save(trained, vocabulary, 100, 20, "abcdef0123456789");
        Files.delete(home.resolve(first.version()).resolve(ModelRegistry.ENTITIES));
        Files.writeString(home.resolve(second.version()).resolve(ModelRegistry.MANIFEST), "{not json");

        assertThatThrownBy(() -> registry.load(first.version(), Device.cpu())).isInstanceOf(DamagedModelException.class);
        assertThatThrownBy(() -> registry.load(second.version(), Device.cpu())).isInstanceOf(DamagedModelException.class);
    }

    @Test
    void anUnknownVersionOrAPathOutsideTheRegistryIsUnknown() {
        ModelRegistry registry = ModelRegistry.at(home);

        assertThatThrownBy(() -> registry.load("v-none", Device.cpu())).isInstanceOf(UnknownModelException.class);
        assertThatThrownBy(() -> registry.load("../../etc", Device.cpu())).isInstanceOf(UnknownModelException.class);
    }

    @Test
    void activeNamesTheLastVersionSet() {
        ModelRegistry registry = ModelRegistry.at(home);
        assertThat(registry.activeVersion()).isEmpty();

        registry.setActive("v1");
        registry.setActive("v2");

        assertThat(registry.activeVersion()).contains("v2");
    }
}
