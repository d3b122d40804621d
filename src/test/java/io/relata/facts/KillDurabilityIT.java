package io.relata.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Acknowledged writes survive kill -9. relata runs as a separate process ({@code target/relata.jar}, which
 * {@code package} builds before failsafe runs the integration tests); each round acknowledges one write of every kind
 * (facts, an alias, a lexicon phrase, an import, a training job), kills the process with SIGKILL as soon as the last
 * acknowledgement arrives, restarts it on the same store and counts the acknowledged writes that are gone. A round's
 * five writes follow each other without pause, so each is acknowledged milliseconds before the kill, well inside the
 * 500 ms that H2 would otherwise keep a commit in memory; each round ends on another kind of write. On the embedded H2
 * store, and on PostgreSQL when RELATA_TEST_JDBC_URL names a server. Bounded: four starts of the service per store.
 */
class KillDurabilityIT {

    private static final Path JAR = Path.of("target", "relata.jar");
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    private static final int ROUNDS = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path home;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void acknowledgedWritesSurviveKillNineOnTheEmbeddedStore() throws Exception {
        assertNoLosses(List.of());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    @EnabledIfEnvironmentVariable(named = TestPostgres.URL_VARIABLE, matches = ".+")
    void acknowledgedWritesSurviveKillNineOnPostgres() throws Exception {
        String database = TestPostgres.newDatabaseName("relata_kill_");
        String url = TestPostgres.createDatabase(database);
        try {
            assertNoLosses(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + TestPostgres.user(),
                    "--spring.datasource.password=" + TestPostgres.password()));
        } finally {
            TestPostgres.dropDatabase(database);
        }
    }

    /** One acknowledged write and how to find it again. */
    private interface Check {
        boolean present(Service service) throws Exception;
    }

    private record Acknowledged(String what, Check check) {}

    private void assertNoLosses(List<String> storeArguments) throws Exception {
        assertThat(JAR).as("the service jar; `mvn package` builds it before the integration tests").exists();
        List<Acknowledged> acknowledged = new ArrayList<>();
        Set<String> lost = new LinkedHashSet<>();
        Service service = Service.start(home, storeArguments, http);
        try {
            // training needs 20 facts in the store
            service.post("/v1/facts", "application/json", facts("Seed", 20), 200);
            for (int round = 0; round < ROUNDS; round++) {
                List<Write> writes = writes(round);
                Collections.rotate(writes, -round);
                for (Write write : writes) {
                    acknowledged.add(write.perform(service));
                }
                service.kill();
                service = Service.start(home, storeArguments, http);
                for (Acknowledged ack : acknowledged) {
                    if (!ack.check().present(service)) {
                        lost.add(ack.what());
                    }
                }
            }
        } finally {
            service.stop();
        }
        assertThat(acknowledged).hasSize(ROUNDS * 5);
        assertThat(lost).as("acknowledged writes lost to kill -9").isEmpty();
    }

    /** A write of one kind in one round: performs it, asserts the acknowledgement and says how to find it again. */
    private record Write(String name, WriteAction action) {
        Acknowledged perform(Service service) throws Exception {
            return action.perform(service);
        }
    }

    private interface WriteAction {
        Acknowledged perform(Service service) throws Exception;
    }

    private static List<Write> writes(int round) {
        String tag = "Round" + round;
        List<Write> writes = new ArrayList<>();
        writes.add(new Write("facts", service -> {
            service.post("/v1/facts", "application/json", facts(tag, 3), 200);
            return new Acknowledged("facts of " + tag, s -> s.statedMother(tag + " Child 2", tag + " Mother 2"));
        }));
        writes.add(new Write("alias", service -> {
            String body = "{\"entity\":\"Seed Child 0\",\"alias\":\"Seed Alias " + tag + "\"}";
            service.post("/v1/entities/aliases", "application/json", body, 200);
            return new Acknowledged("alias of " + tag, s -> s.get("/v1/entities/resolve?q="
                    + URLEncoder.encode("Seed Alias " + tag, StandardCharsets.UTF_8)).statusCode() == 200);
        }));
        writes.add(new Write("lexicon", service -> {
            String phrase = "kill phrase " + tag.toLowerCase();
            service.post("/v1/lexicon/phrases", "application/json",
                    "{\"phrase\":\"" + phrase + "\",\"readings\":[{\"relation\":\"mother\",\"direction\":\"forward\"}]}", 200);
            return new Acknowledged("lexicon phrase of " + tag,
                    s -> JSON.readTree(s.get("/v1/lexicon").body()).path("phrases").has(phrase));
        }));
        writes.add(new Write("import", service -> {
            service.post("/v1/facts/import", "text/tab-separated-values",
                    tag + " Imported\tmother\t" + tag + " Imported Mother\n", 200);
            return new Acknowledged("import of " + tag, s -> s.statedMother(tag + " Imported", tag + " Imported Mother"));
        }));
        writes.add(new Write("training job", service -> {
            HttpResponse<String> accepted = service.post("/v1/training-jobs", "application/json",
                    "{\"rank\":4,\"epochs\":1,\"activate\":\"never\"}", 202);
            String id = JSON.readTree(accepted.body()).path("id").asString();
            return new Acknowledged("training job " + id + " of " + tag,
                    s -> s.get("/v1/training-jobs/" + id).statusCode() == 200);
        }));
        return writes;
    }

    private static String facts(String tag, int count) {
        List<String> facts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            facts.add("{\"subject\":\"" + tag + " Child " + i + "\",\"relation\":\"mother\",\"object\":\"" + tag + " Mother " + i + "\"}");
        }
        return "[" + String.join(",", facts) + "]";
    }

    /** relata as a separate process on a free port. */
    private static final class Service {

        private final Process process;
        private final int port;
        private final HttpClient http;

        private Service(Process process, int port, HttpClient http) {
            this.process = process;
            this.port = port;
            this.http = http;
        }

        static Service start(Path home, List<String> storeArguments, HttpClient http) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dai.djl.pytorch.num_threads=1",
                    "-jar", JAR.toAbsolutePath().toString(),
                    "--server.port=" + port, "--relata.home=" + home, "--relata.demo.enabled=false",
                    "--relata.model.train-on-first-start=false", "--relata.model.device=cpu"));
            command.addAll(storeArguments);
            Path log = home.resolve("service.log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("OPT_OUT_TRACKING", "true");
            Service service = new Service(builder.start(), port, http);
            service.awaitReady(log);
            return service;
        }

        private void awaitReady(Path log) throws Exception {
            long deadline = System.nanoTime() + READY_WITHIN.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    fail("relata stopped before it was ready:\n" + tail(log));
                }
                try {
                    HttpResponse<String> readiness = get("/actuator/health/readiness");
                    if (readiness.statusCode() == 200 && readiness.body().contains("\"UP\"")) {
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // the port opens once the application has started
                }
                Thread.sleep(200);
            }
            process.destroyForcibly();
            fail("relata was not ready within " + READY_WITHIN + ":\n" + tail(log));
        }

        HttpResponse<String> post(String path, String type, String body, int expected) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(expected);
            return response;
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        boolean statedMother(String child, String mother) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v1/queries"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"entity\":\"" + child
                            + "\",\"relation\":\"mother\",\"evidence\":[\"stated\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            for (JsonNode answer : JSON.readTree(response.body()).path("answers")) {
                if (mother.equals(answer.path("entity").path("label").asString())) {
                    return true;
                }
            }
            return false;
        }

        /** SIGKILL, at once: no shutdown hook, no graceful close of the store. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the killed process ended").isTrue();
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private static String tail(Path log) throws IOException {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }
}
