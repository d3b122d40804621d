package io.relata.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The split deployment on loopback: this JVM runs an api process (a Spring context with relata.role=api), and a model
 * tier runs as a separate JVM from the packaged jar (relata.role=model) on the same store: the PostgreSQL server named by
 * RELATA_TEST_JDBC_URL (a database of its own, dropped afterwards), else an embedded H2 file that this JVM serves to the
 * other (AUTO_SERVER). A model is trained through the api and the model tier's worker; questions come back with
 * {@code model.tier: "remote"}; then the model tier is killed under load and restarted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "relata.role=api",
        "relata.model-tier.status-interval=500ms",
        "relata.model-tier.open-duration=2s",
        "relata.model-tier.timeout=3s"})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelTierIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SMALL = """
            {"rank":32,"epochs":60,"batchSize":50,"patience":3,"validateEvery":5,"seed":7}""";
    private static final String STATED_QUESTION = "{\"question\":\"Who is Mary Lee Pfeiffer's son?\"}";
    private static final String INFERRED_ONLY = """
            {"entity":"Mary Lee Pfeiffer","relation":"mother","direction":"inverse","evidence":["inferred"],"minConfidence":0}""";

    private static final Path HOME = temporaryFolder();
    private static final int TIER_PORT = freePort();
    private static String database;
    private static String jdbcUrl;
    private static Process tier;
    private static String trainedVersion;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void sharedStore(DynamicPropertyRegistry registry) throws SQLException {
        String server = System.getenv("RELATA_TEST_JDBC_URL");
        if (server != null && !server.isBlank()) {
            database = "relata_tier_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection c = DriverManager.getConnection(server, user(), password()); Statement s = c.createStatement()) {
                s.execute("create database " + database);
            }
            jdbcUrl = server.replaceFirst("(jdbc:postgresql://[^/?]*)(/[^?]*)?", "$1/" + database);
            registry.add("spring.datasource.username", ModelTierIT::user);
            registry.add("spring.datasource.password", ModelTierIT::password);
        } else {
            jdbcUrl = "jdbc:h2:file:" + HOME.resolve("store/relata") + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            registry.add("spring.datasource.username", () -> "relata");
            registry.add("spring.datasource.password", () -> "");
        }
        registry.add("spring.datasource.url", () -> jdbcUrl);
        registry.add("relata.home", () -> HOME.resolve("api").toString());
        registry.add("relata.model-tier.url", () -> "http://127.0.0.1:" + TIER_PORT);
    }

    @AfterAll
    static void stopTierAndDropTheDatabase() throws Exception {
        stopTier();
        if (database != null) {
            // the api context is closed by @DirtiesContext after this; force closes its connections
            try (Connection c = DriverManager.getConnection(System.getenv("RELATA_TEST_JDBC_URL"), user(), password());
                    Statement s = c.createStatement()) {
                s.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    @Test
    @Order(1)
    void aModelTrainedThroughTheApiOnTheModelTierAnswersQuestionsAsTheRemoteTier() throws Exception {
        startTier();
        trainedVersion = train();

        JsonNode models = json(get(port, "/v1/models"));
        assertThat(models.path("active").asString()).as("the model tier's registry, asked through the api").isEqualTo(trainedVersion);

        JsonNode answer = awaitModel(trainedVersion, Duration.ofSeconds(30));
        assertThat(answer.path("model").path("tier").asString()).isEqualTo("remote");
        assertThat(answer.path("model").path("status").asString()).isEqualTo("loaded");
        assertThat(answer.path("model").path("version").asString()).isEqualTo(trainedVersion);
        assertThat(answer.path("answers").get(0).path("entity").path("label").asString()).isEqualTo("Tom Cruise");
        assertThat(answer.path("answers").get(0).path("evidence").asString()).isEqualTo("stated");

        JsonNode inferred = json(post(port, "/v1/queries", INFERRED_ONLY));
        assertThat(inferred.path("model").path("status").asString()).isEqualTo("loaded");
        assertThat(inferred.path("answers")).as("the model alone names Mary Lee Pfeiffer's children").isNotEmpty();
        assertThat(inferred.path("answers").get(0).path("evidence").asString()).isEqualTo("inferred");
    }

    @Test
    @Order(2)
    void theModelTierSpeaksTheOpenInferenceProtocol() throws Exception {
        JsonNode metadata = json(get(TIER_PORT, "/v2/models/relata"));
        assertThat(metadata.path("name").asString()).isEqualTo("relata");
        assertThat(metadata.path("platform").asString()).isEqualTo(Oip.PLATFORM);
        assertThat(metadata.path("versions").toString()).contains(trainedVersion);
        assertThat(metadata.path("inputs")).hasSize(Oip.INPUTS.size());
        assertThat(json(get(TIER_PORT, "/v2/health/ready")).path("ready").asBoolean()).isTrue();

        long mary = json(post(port, "/v1/queries", STATED_QUESTION)).path("entity").path("id").asLong();
        String request = """
                {"id":"it","inputs":[
                  {"name":"entity","shape":[1],"datatype":"INT64","data":[%d]},
                  {"name":"relation","shape":[1],"datatype":"BYTES","data":["mother"]},
                  {"name":"inverse","shape":[1],"datatype":"BOOL","data":[true]},
                  {"name":"k","shape":[1],"datatype":"INT32","data":[3]}]}""".formatted(mary);
        HttpResponse<String> inferred = send(TIER_PORT, "POST", "/v2/models/relata/versions/" + trainedVersion + "/infer", request);
        assertThat(inferred.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(inferred.body());
        assertThat(body.path("model_version").asString()).isEqualTo(trainedVersion);
        assertThat(body.path("id").asString()).isEqualTo("it");
        assertThat(body.path("outputs").toString()).contains("\"answer\"", "\"probability\"", "\"answer_count\"", "\"entity_known\"");

        HttpResponse<String> unknown = send(TIER_PORT, "POST", "/v2/models/relata/versions/v19990101-000000-none/infer", request);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("error").asString()).contains("v19990101-000000-none");
    }

    @Test
    @Order(3)
    void killingTheModelTierUnderLoadFailsNoQuestionThatStatedFactsAnswer() throws Exception {
        AtomicBoolean asking = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService askers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            askers.execute(() -> {
                while (asking.get()) {
                    try {
                        HttpResponse<String> response = send(port, "POST", "/v1/queries", STATED_QUESTION);
                        JsonNode body = JSON.readTree(response.body());
                        if (response.statusCode() != 200
                                || !"Tom Cruise".equals(body.path("answers").path(0).path("entity").path("label").asString())) {
                            errors.add(response.statusCode() + " " + response.body());
                        } else if ("unavailable".equals(body.path("model").path("status").asString())) {
                            unavailable.incrementAndGet();
                        }
                        answered.incrementAndGet();
                        // a few hundred questions over the outage, not as many as the machine can ask
                        Thread.sleep(50);
                    } catch (IOException | RuntimeException e) {
                        errors.add(e.toString());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        waitUntil(() -> answered.get() >= 50, Duration.ofSeconds(60));
        tier.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int atKill = answered.get();
        waitUntil(() -> answered.get() >= atKill + 100, Duration.ofSeconds(90));

        HttpResponse<String> refused = send(port, "POST", "/v1/queries", INFERRED_ONLY);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(JSON.readTree(refused.body()).path("type").asString()).endsWith("/model-unavailable");
        assertThat(json(get(port, "/actuator/health/readiness")).path("status").asString())
                .as("the api stays ready without its model tier").isEqualTo("UP");

        startTier();
        long back = System.nanoTime();
        waitUntil(() -> {
            HttpResponse<String> r = send(port, "POST", "/v1/queries", INFERRED_ONLY);
            return r.statusCode() == 200 && "loaded".equals(JSON.readTree(r.body()).path("model").path("status").asString());
        }, Duration.ofSeconds(30));
        Duration recovery = Duration.ofNanos(System.nanoTime() - back);
        asking.set(false);
        askers.shutdown();
        assertThat(askers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        System.out.printf("model tier fault: %d stated questions, %d errors, %d answered without the model, "
                + "inferred answers back %d ms after the restarted tier was live%n", answered.get(), errors.size(),
                unavailable.get(), recovery.toMillis());
        assertThat(errors).as("stated questions that failed").isEmpty();
        assertThat(unavailable.get()).as("questions answered while the tier was down").isPositive();
        assertThat(recovery).isLessThan(Duration.ofSeconds(30));
    }

    /** Starts the model tier from the packaged jar and waits until it is live. */
    private static void startTier() throws Exception {
        Path jar = Path.of("target/relata.jar");
        assertThat(jar).as("the packaged jar (mvn package runs before the integration tests)").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dai.djl.pytorch.num_threads=1", "-jar", jar.toString(),
                "--server.port=" + TIER_PORT, "--relata.role=model", "--relata.home=" + HOME.resolve("model"),
                "--relata.model.train-on-first-start=false", "--relata.model.device=cpu",
                "--spring.datasource.url=" + jdbcUrl));
        if (database != null) {
            command.add("--spring.datasource.username=" + user());
            command.add("--spring.datasource.password=" + password());
        } else {
            command.add("--spring.datasource.username=relata");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(HOME.resolve("model-tier.log").toFile()));
        builder.environment().put("OPT_OUT_TRACKING", "true");
        tier = builder.start();
        HttpClient probe = HttpClient.newHttpClient();
        waitUntil(() -> {
            if (!tier.isAlive()) {
                throw new AssertionError("the model tier stopped: " + Files.readString(HOME.resolve("model-tier.log")));
            }
            try {
                return probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + TIER_PORT + "/v2/health/live")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        }, Duration.ofSeconds(180));
    }

    private static void stopTier() throws InterruptedException {
        if (tier != null && tier.isAlive()) {
            tier.destroy();
            if (!tier.waitFor(30, TimeUnit.SECONDS)) {
                tier.destroyForcibly();
            }
        }
    }

    /** Queues a training job through the api and waits until the model tier has run it; the version it activated. */
    private String train() throws Exception {
        HttpResponse<String> queued = send(port, "POST", "/v1/training-jobs", SMALL);
        assertThat(queued.statusCode()).isEqualTo(202);
        String id = JSON.readTree(queued.body()).path("id").asString();
        JsonNode[] job = new JsonNode[1];
        waitUntil(() -> {
            job[0] = json(get(port, "/v1/training-jobs/" + id));
            String status = job[0].path("status").asString();
            assertThat(status).as(job[0].toString()).isIn("queued", "running", "succeeded");
            return status.equals("succeeded");
        }, Duration.ofSeconds(240));
        assertThat(job[0].path("activated").asBoolean()).isTrue();
        return job[0].path("modelVersion").asString();
    }

    /** Asks the stated question until the api has seen the model tier's active version. */
    private JsonNode awaitModel(String version, Duration within) throws Exception {
        JsonNode[] answer = new JsonNode[1];
        waitUntil(() -> {
            answer[0] = json(post(port, "/v1/queries", STATED_QUESTION));
            return version.equals(answer[0].path("model").path("version").asString());
        }, within);
        return answer[0];
    }

    /** A condition checked until it holds. */
    private interface Check {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Check check, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within);
            }
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> send(int to, String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
        return http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(int to, String path) throws IOException, InterruptedException {
        return send(to, "GET", path, null).body();
    }

    private String post(int to, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(to, "POST", path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("relata-tier-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String user() {
        return System.getenv().getOrDefault("RELATA_TEST_JDBC_USER", "postgres");
    }

    private static String password() {
        return System.getenv().getOrDefault("RELATA_TEST_JDBC_PASSWORD", "");
    }
}
