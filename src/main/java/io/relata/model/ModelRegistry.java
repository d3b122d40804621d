package io.relata.model;

import io.relata.ForRoles;
import ai.djl.Device;
import io.relata.RelataProperties;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model versions under {@code relata.home/models}: one folder per version (manifest.json, parameters.ndlist,
 * entities.tsv, relations.tsv), written to a temporary folder and renamed into place so that a crash never leaves half a
 * model that looks whole, and a file {@code ACTIVE} naming the version that answers.
 */
@Component
@ForRoles({RelataProperties.Role.ALL, RelataProperties.Role.MODEL})
public class ModelRegistry {

    static final String MANIFEST = "manifest.json";
    static final String PARAMETERS = "parameters.ndlist";
    static final String ENTITIES = "entities.tsv";
    static final String RELATIONS = "relations.tsv";
    static final String ROLES = "roles.bin";
    static final String ACTIVE = "ACTIVE";
    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path root;
    /** Writes indented manifests; reads a weight that an older version did not have as 0, the feature unused. */
    private final JsonMapper json = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    @Autowired
    public ModelRegistry(RelataProperties properties) {
        this.root = properties.home().resolve("models");
    }

    private ModelRegistry(Path root) {
        this.root = root;
    }

    /** A registry in any folder (the command line's --models, tests). */
    public static ModelRegistry at(Path root) {
        return new ModelRegistry(root);
    }

    Path root() {
        return root;
    }

    /** Every version whose manifest can be read, newest first. */
    public List<ModelManifest> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<ModelManifest> manifests = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                readManifest(folder).ifPresent(manifests::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        manifests.sort(Comparator.comparing(ModelManifest::createdAt).reversed());
        return manifests;
    }

    public Optional<String> activeVersion() {
        Path active = root.resolve(ACTIVE);
        try {
            return Files.exists(active) ? Optional.of(Files.readString(active).strip()).filter(v -> !v.isEmpty()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points ACTIVE at a version, atomically. */
    void setActive(String version) {
        try {
            Files.createDirectories(root);
            Path temporary = Files.createTempFile(root, ".active", ".tmp");
            Files.writeString(temporary, version + "\n");
            moveAtomically(temporary, root.resolve(ACTIVE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a trained model as a new version and returns its manifest. */
    public ModelManifest save(TrainedModel model, Vocabulary vocabulary, long trainingFacts, long validationFacts,
            String dataFingerprint) {
        Instant now = Instant.now();
        String version = "v" + VERSION_TIME.format(now) + "-" + dataFingerprint.substring(0, Math.min(8, dataFingerprint.length()));
        try {
            Files.createDirectories(root);
            Path temporary = Files.createTempDirectory(root, ".incoming-");
            String sha256;
            try (DigestOutputStream out = new DigestOutputStream(Files.newOutputStream(temporary.resolve(PARAMETERS)), sha256())) {
                model.embeddings().write(out);
                out.flush();
                sha256 = HexFormat.of().formatHex(out.getMessageDigest().digest());
            }
            String rolesSha256;
            try (DigestOutputStream out = new DigestOutputStream(
                    new java.io.BufferedOutputStream(Files.newOutputStream(temporary.resolve(ROLES))), sha256())) {
                model.roles().write(out);
                out.flush();
                rolesSha256 = HexFormat.of().formatHex(out.getMessageDigest().digest());
            }
            writeVocabulary(temporary, vocabulary);
            ModelManifest manifest = new ModelManifest(version, now, ModelManifest.ALGORITHM, model.settings(),
                    vocabulary.entityIds().length, vocabulary.relations().size(), trainingFacts, validationFacts,
                    dataFingerprint, model.validation(), model.calibration(), model.reliability(), model.heldOutOpenWorld(),
                    model.cardinality(), model.epochs(), model.trainedOnHeldOut(), model.seconds(), model.device(),
                    sha256, rolesSha256);
            json.writeValue(temporary.resolve(MANIFEST).toFile(), manifest);
            Path target = root.resolve(version);
            for (int n = 2; Files.exists(target); n++) {
                target = root.resolve(version + "-" + n);
                manifest = manifest.withVersion(target.getFileName().toString());
                json.writeValue(temporary.resolve(MANIFEST).toFile(), manifest);
            }
            moveAtomically(temporary, target);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A saved version opened for evaluation on the device named by {@code device} (auto, cpu or gpu), with its manifest
     * and vocabulary; unknown or damaged versions are refused as {@link #load} refuses them.
     */
    public SavedModel open(String version, String device) {
        LoadedModel loaded = load(version, Devices.choose(device));
        return new SavedModel(loaded.manifest(), loaded.vocabulary(), TrainedModel.of(loaded));
    }

    /** Reads a version into memory, refusing it when a file is missing, its checksum differs, or shapes disagree. */
    LoadedModel load(String version, Device device) {
        Path folder = root.resolve(version).normalize();
        if (!folder.startsWith(root) || !Files.isDirectory(folder)) {
            throw new UnknownModelException(version);
        }
        ModelManifest manifest = readManifest(folder)
                .orElseThrow(() -> new DamagedModelException(version, "its manifest is missing or unreadable"));
        try {
            Vocabulary vocabulary = readVocabulary(folder);
            if (vocabulary.entityIds().length != manifest.entities() || vocabulary.relations().size() != manifest.relations()) {
                throw new DamagedModelException(version, "its vocabularies do not match the manifest");
            }
            MessageDigest digest = sha256();
            ComplEx embeddings;
            try (InputStream in = new DigestInputStream(Files.newInputStream(folder.resolve(PARAMETERS)), digest)) {
                embeddings = ComplEx.read(in, manifest.settings().rank(), manifest.relations(), manifest.settings().reciprocal(), device);
                in.transferTo(OutputStream.nullOutputStream());
            }
            if (!HexFormat.of().formatHex(digest.digest()).equals(manifest.parametersSha256())) {
                embeddings.close();
                throw new DamagedModelException(version, "the checksum of " + PARAMETERS + " differs from the manifest");
            }
            if (embeddings.entityCount() != manifest.entities()) {
                embeddings.close();
                throw new DamagedModelException(version, "the entity table does not match the manifest");
            }
            Roles roles;
            try {
                roles = readRoles(folder, manifest);
            } catch (IOException | RuntimeException e) {
                embeddings.close();
                throw e;
            }
            return new LoadedModel(embeddings, manifest, vocabulary, roles,
                    manifest.cardinality() == null ? Cardinality.none() : manifest.cardinality());
        } catch (IOException | RuntimeException e) {
            if (e instanceof DamagedModelException damaged) {
                throw damaged;
            }
            throw new DamagedModelException(version, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** The roles file, checked against its checksum; a version saved before roles were learned constrains nothing. */
    private static Roles readRoles(Path folder, ModelManifest manifest) throws IOException {
        if (manifest.rolesSha256() == null) {
            return Roles.none(manifest.entities(), manifest.relations());
        }
        MessageDigest digest = sha256();
        Roles roles;
        try (InputStream in = new DigestInputStream(new java.io.BufferedInputStream(Files.newInputStream(folder.resolve(ROLES))), digest)) {
            roles = Roles.read(in, manifest.entities(), manifest.relations());
            in.transferTo(OutputStream.nullOutputStream());
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(manifest.rolesSha256())) {
            throw new DamagedModelException(manifest.version(), "the checksum of " + ROLES + " differs from the manifest");
        }
        return roles;
    }

    private Optional<ModelManifest> readManifest(Path folder) {
        Path file = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), ModelManifest.class));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void writeVocabulary(Path folder, Vocabulary vocabulary) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve(ENTITIES), StandardCharsets.UTF_8)) {
            for (int i = 0; i < vocabulary.entityIds().length; i++) {
                out.write(i + "\t" + vocabulary.entityIds()[i] + "\t" + vocabulary.entityLabels().get(i) + "\n");
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve(RELATIONS), StandardCharsets.UTF_8)) {
            for (int i = 0; i < vocabulary.relations().size(); i++) {
                out.write(i + "\t" + vocabulary.relations().get(i) + "\n");
            }
        }
    }

    private static Vocabulary readVocabulary(Path folder) throws IOException {
        List<Long> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(folder.resolve(ENTITIES), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t", 3);
                if (f.length != 3 || Integer.parseInt(f[0]) != ids.size()) {
                    throw new IOException(ENTITIES + " line " + (ids.size() + 1) + " is malformed");
                }
                ids.add(Long.parseLong(f[1]));
                labels.add(f[2]);
            }
        }
        List<String> relations = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(folder.resolve(RELATIONS), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t", 2);
                if (f.length != 2 || Integer.parseInt(f[0]) != relations.size()) {
                    throw new IOException(RELATIONS + " line " + (relations.size() + 1) + " is malformed");
                }
                relations.add(f[1]);
            }
        }
        return new Vocabulary(ids.stream().mapToLong(Long::longValue).toArray(), labels, relations);
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
