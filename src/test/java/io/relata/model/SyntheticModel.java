package io.relata.model;

import ai.djl.Device;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * A benchmark tool, not a test: writes a model version of random embeddings (rank, entity count as asked) into a
 * registry folder and makes it active, so the model tier can be measured at sizes this machine cannot train in time.
 * Scoring costs the same whatever the embeddings hold; roles constrain nothing and the calibration is the identity.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:DEPENDENCIES io.relata.model.SyntheticModel MODELS_DIR RANK \
 *     range:ENTITIES RELATION,RELATION,...          # entity ids 1..ENTITIES
 * java ... io.relata.model.SyntheticModel MODELS_DIR RANK jdbc:postgresql://... USER PASSWORD
 *                                                    # the store's entities and the relations its facts use
 * </pre>
 */
public final class SyntheticModel {

    private SyntheticModel() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int rank = Integer.parseInt(args[1]);
        long[] ids;
        List<String> relations = new ArrayList<>();
        if (args[2].startsWith("range:")) {
            int n = Integer.parseInt(args[2].substring("range:".length()));
            ids = new long[n];
            for (int i = 0; i < n; i++) {
                ids[i] = i + 1;
            }
            relations.addAll(List.of(args[3].split(",")));
        } else {
            try (Connection c = DriverManager.getConnection(args[2], args[3], args[4]); Statement s = c.createStatement()) {
                List<Long> found = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select id from entity order by id")) {
                    while (rs.next()) {
                        found.add(rs.getLong(1));
                    }
                }
                ids = found.stream().mapToLong(Long::longValue).toArray();
                try (ResultSet rs = s.executeQuery("select distinct relation from fact order by relation")) {
                    while (rs.next()) {
                        relations.add(rs.getString(1));
                    }
                }
            }
        }
        long started = System.nanoTime();
        String version = "v" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(Instant.now()) + "-synthetic";
        Path folder = root.resolve(version);
        Files.createDirectories(folder);
        TrainingSettings settings = new TrainingSettings(rank, 1, 1000, 0.1f, 0.01f, 1e-1f, true, 3, 5, 42L);
        String parameters;
        try (ComplEx embeddings = ComplEx.initialise(ids.length, relations.size(), settings, Device.cpu());
                DigestOutputStream out = new DigestOutputStream(
                        new BufferedOutputStream(Files.newOutputStream(folder.resolve(ModelRegistry.PARAMETERS)), 1 << 20),
                        MessageDigest.getInstance("SHA-256"))) {
            embeddings.write(out);
            out.flush();
            parameters = HexFormat.of().formatHex(out.getMessageDigest().digest());
        }
        String roles;
        try (DigestOutputStream out = new DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(folder.resolve(ModelRegistry.ROLES))),
                MessageDigest.getInstance("SHA-256"))) {
            Roles.none(ids.length, relations.size()).write(out);
            out.flush();
            roles = HexFormat.of().formatHex(out.getMessageDigest().digest());
        }
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve(ModelRegistry.ENTITIES), StandardCharsets.UTF_8)) {
            for (int i = 0; i < ids.length; i++) {
                out.write(i + "\t" + ids[i] + "\tentity " + ids[i] + "\n");
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve(ModelRegistry.RELATIONS), StandardCharsets.UTF_8)) {
            for (int i = 0; i < relations.size(); i++) {
                out.write(i + "\t" + relations.get(i) + "\n");
            }
        }
        ModelManifest manifest = new ModelManifest(version, Instant.now(), ModelManifest.ALGORITHM, settings, ids.length,
                relations.size(), 0, 0, "synthetic", null, Calibration.identity(), null, null, Cardinality.none(), 0,
                false, 0, "cpu", parameters, roles);
        JsonMapper.builder().build().writeValue(folder.resolve(ModelRegistry.MANIFEST).toFile(), manifest);
        ModelRegistry.at(root).setActive(version);
        System.out.printf("{\"version\":\"%s\",\"entities\":%d,\"relations\":%d,\"rank\":%d,\"seconds\":%.1f}%n",
                version, ids.length, relations.size(), rank, (System.nanoTime() - started) / 1e9);
    }
}
