package io.relata.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Training jobs through the whole service on a random port over a fresh embedded store: a fictitious family stated one
 * way only, a job that trains and activates a model which then answers the other way, cancellation, restart recovery
 * and a damaged version that is refused while the active one keeps answering.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"relata.demo.enabled=false", "relata.model.train-on-first-start=false", "relata.model.device=cpu"})
@DirtiesContext
class TrainingJobsFullStackTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Small settings: the family trains in seconds. */
    private static final String SMALL = """
            {"rank":32,"epochs":60,"batchSize":50,"patience":3,"validateEvery":5,"seed":7}""";

    @TempDir
    static Path home;

    /** The version the first training job activated; trained once for the class. */
    private static String firstVersion;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("relata.home", () -> home.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    TrainingJobs jobs;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void jobTrainsOnTheStoredFactsActivatesTheModelAndItAnswersTheOtherWay() throws Exception {
        String version = trainedVersion();

        JsonNode models = JSON.readTree(get("/v1/models").body());
        assertThat(models.path("active").asString()).isEqualTo(version);
        assertThat(models.path("device").asString()).isEqualTo("cpu");
        JsonNode listed = find(models.path("models"), m -> m.path("version").asString().equals(version));
        assertThat(listed.path("active").asBoolean()).isTrue();
        // the held-out facts chose the epochs and fitted the calibration; the model that serves was trained on all of them
        assertThat(listed.path("trainingFacts").asLong()).isEqualTo(family().size());
        assertThat(listed.path("validationFacts").asLong()).isPositive();
        assertThat(listed.path("validation").path("inverse").path("mrr").asDouble()).isBetween(0.0, 1.0);
        assertThat(home.resolve("models").resolve(version).resolve("manifest.json")).isRegularFile();

        // stated only as "X's mother is Orla Venn": the inverse comes from the model alone
        JsonNode answer = askInferred("Whose mother is Orla Venn?");
        assertThat(answer.path("direction").asString()).isEqualTo("inverse");
        assertThat(answer.path("model").path("version").asString()).isEqualTo(version);
        assertThat(answer.path("model").path("device").asString()).isEqualTo("cpu");
        List<String> children = new ArrayList<>();
        for (JsonNode a : answer.path("answers")) {
            assertThat(a.path("evidence").asString()).isEqualTo("inferred");
            children.add(a.path("entity").path("label").asString());
        }
        assertThat(children).containsExactlyInAnyOrder("Ines Venn", "Ruben Venn", "Edgar Venn", "Lotte Venn");
    }

    @Test
    void theModelAloneAnswersEveryStatedParentBothWays() throws Exception {
        trainedVersion();
        List<Fact> parents = family().stream().filter(f -> !f.relation().equals("gender")).toList();

        for (Fact fact : parents) {
            assertThat(inferredLabels(fact.subject(), fact.relation(), "forward")).as("%s's %s", fact.subject(), fact.relation())
                    .contains(fact.object());
            assertThat(inferredLabels(fact.object(), fact.relation(), "inverse")).as("whose %s is %s", fact.relation(), fact.object())
                    .contains(fact.subject());
        }
    }

    /** What the model alone answers, at the default confidence, to a structured query. */
    private List<String> inferredLabels(String entity, String relation, String direction) throws Exception {
        HttpResponse<String> response = post("/v1/queries", JSON.writeValueAsString(java.util.Map.of("entity", entity,
                "relation", relation, "direction", direction, "evidence", List.of("inferred"))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> labels = new ArrayList<>();
        JSON.readTree(response.body()).path("answers").forEach(a -> labels.add(a.path("entity").path("label").asString()));
        return labels;
    }

    @Test
    void succeededJobReportsFullProgressItsModelAndWhyItWasActivated() throws Exception {
        trainedVersion();
        JsonNode job = firstJob();

        assertThat(job.path("status").asString()).isEqualTo("succeeded");
        assertThat(job.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(job.path("modelVersion").asString()).isEqualTo(firstVersion);
        assertThat(job.path("activated").asBoolean()).isTrue();
        assertThat(job.path("activation").path("rule").asString()).isEqualTo("no-active-model");
        assertThat(job.path("epoch").asInt()).isBetween(1, 60);
        assertThat(job.path("metrics").path("both").path("mrr").asDouble()).isGreaterThan(0.0);
        assertThat(job.path("metrics").path("forward").has("hits10")).isTrue();
        assertThat(job.path("metrics").path("inverse").has("hits1")).isTrue();
        assertThat(job.path("metrics").has("ece")).isTrue();
        assertThat(job.path("startedAt").asString()).isNotBlank();
        assertThat(job.path("finishedAt").asString()).isNotBlank();
        assertThat(job.path("settings").path("rank").asInt()).isEqualTo(32);
        assertThat(get("/actuator/prometheus").body()).containsPattern("relata_training_jobs_total\\{[^}]*outcome=\"succeeded\"[^}]*} [1-9]");
        assertThat(get("/actuator/prometheus").body())
                .containsPattern("relata_training_duration_seconds_count\\{[^}]*outcome=\"succeeded\"[^}]*} [1-9]")
                .containsPattern("relata_training_last_mrr\\{[^}]*direction=\"both\"[^}]*} 0\\.[0-9]*[1-9]")
                .contains("relata_training_progress");
    }

    @Test
    void cancellingEndsQueuedAndRunningJobsAndThePreviousModelKeepsAnswering() throws Exception {
        String active = trainedVersion();
        int versions = JSON.readTree(get("/v1/models").body()).path("models").size();

        String running = submit("{\"epochs\":10000,\"patience\":10000,\"validateEvery\":10000}");
        String queued = submit("{}");
        awaitStatus(running, "running");

        HttpResponse<String> cancelQueued = delete("/v1/training-jobs/" + queued);
        assertThat(cancelQueued.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(cancelQueued.body()).path("status").asString()).isEqualTo("cancelled");
        assertThat(delete("/v1/training-jobs/" + running).statusCode()).isEqualTo(202);

        JsonNode stopped = awaitFinished(running);
        assertThat(stopped.path("status").asString()).isEqualTo("cancelled");
        assertThat(stopped.path("modelVersion").isNull()).isTrue();
        assertThat(stopped.path("activated").asBoolean()).isFalse();
        assertThat(stopped.path("epoch").asInt()).isLessThan(10000);
        assertThat(job(queued).path("status").asString()).isEqualTo("cancelled");
        assertThat(job(queued).path("startedAt").isMissingNode()).isTrue();

        JsonNode models = JSON.readTree(get("/v1/models").body());
        assertThat(models.path("active").asString()).isEqualTo(active);
        assertThat(models.path("models").size()).isEqualTo(versions);
        assertThat(askInferred("Whose mother is Orla Venn?").path("model").path("version").asString()).isEqualTo(active);

        HttpResponse<String> again = delete("/v1/training-jobs/" + running);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).path("type").asString()).endsWith("/training-job-finished");
    }

    @Test
    void activatingADamagedVersionIsAConflictAndTheActiveVersionKeepsAnswering() throws Exception {
        String active = trainedVersion();

        JsonNode second = awaitFinished(submit(SMALL.replace("}", ",\"activate\":\"never\"}")));
        assertThat(second.path("status").asString()).isEqualTo("succeeded");
        assertThat(second.path("activated").asBoolean()).isFalse();
        assertThat(second.path("activation").path("rule").asString()).isEqualTo("never");
        String damaged = second.path("modelVersion").asString();
        assertThat(damaged).isNotEqualTo(active);

        Path parameters = home.resolve("models").resolve(damaged).resolve("parameters.ndlist");
        byte[] bytes = Files.readAllBytes(parameters);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) {
            bytes[i] = (byte) ~bytes[i];
        }
        Files.write(parameters, bytes);

        HttpResponse<String> refused = post("/v1/models/" + damaged + "/activate", "");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(refused.body()).path("type").asString()).isEqualTo("https://relata.io/problems/damaged-model");

        assertThat(JSON.readTree(get("/v1/models").body()).path("active").asString()).isEqualTo(active);
        assertThat(askInferred("Whose mother is Orla Venn?").path("model").path("version").asString()).isEqualTo(active);
    }

    @Test
    void jobsLeftUnfinishedByAnotherProcessAreFailedByTheRecovery() throws Exception {
        Instant now = Instant.now();
        String running = insertJob("running", null, null);
        // a queued job with no owner waits for a model tier to claim it; this one was accepted by a process now gone
        String queued = insertJob("queued", "replica-gone", null);
        String stale = insertJob("running", "replica-gone", now.minus(Duration.ofMinutes(10)));
        String alive = insertJob("running", "replica-alive", now);
        assertThat(job(running).path("status").asString()).isEqualTo("running");

        jobs.recoverInterrupted();

        for (String id : List.of(running, queued, stale)) {
            JsonNode job = job(id);
            assertThat(job.path("status").asString()).as(id).isEqualTo("failed");
            assertThat(job.path("error").asString()).isEqualTo("interrupted by a restart");
            assertThat(job.path("finishedAt").asString()).isNotBlank();
        }
        // another replica that is still alive keeps its job
        assertThat(job(alive).path("status").asString()).isEqualTo("running");
        jdbc.sql("update training_job set status = 'cancelled' where id = ?").param(alive).update();
    }

    @Test
    void invalidOptionsCreateNoJobAndUnknownIdsAreNotFound() throws Exception {
        int before = JSON.readTree(get("/v1/training-jobs?limit=100").body()).path("jobs").size();

        HttpResponse<String> invalid = post("/v1/training-jobs", "{\"rank\":0}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).path("detail").asString()).contains("rank");
        assertThat(JSON.readTree(get("/v1/training-jobs?limit=100").body()).path("jobs").size()).isEqualTo(before);

        HttpResponse<String> unknown = get("/v1/training-jobs/no-such-job");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("instance").asString()).isEqualTo("/v1/training-jobs/no-such-job");
        assertThat(post("/v1/models/v19700101-000000-none/activate", "").statusCode()).isEqualTo(404);
    }

    @Test
    void openApiDescribesTheModelEndpoints() throws Exception {
        JsonNode paths = JSON.readTree(get("/v3/api-docs").body()).path("paths");

        for (String path : List.of("/v1/training-jobs", "/v1/training-jobs/{id}", "/v1/models", "/v1/models/{version}/activate")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        JsonNode body = paths.path("/v1/training-jobs").path("post").path("requestBody").path("content").path("application/json");
        assertThat(body.path("schema").path("$ref").asString()).endsWith("/TrainingJobBody");
        assertThat(body.path("examples").size()).isPositive();
    }

    // --- helpers

    /** Trains and activates the first model once for the class; later calls return its version. */
    private synchronized String trainedVersion() throws Exception {
        if (firstVersion == null) {
            HttpResponse<String> added = post("/v1/facts", JSON.writeValueAsString(family()));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(200);

            HttpResponse<String> accepted = post("/v1/training-jobs", SMALL);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            JsonNode queued = JSON.readTree(accepted.body());
            assertThat(queued.path("status").asString()).isEqualTo("queued");
            String id = queued.path("id").asString();
            assertThat(accepted.headers().firstValue("Location")).hasValue("/v1/training-jobs/" + id);

            JsonNode done = awaitFinished(id);
            assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("succeeded");
            firstJobId = id;
            firstVersion = done.path("modelVersion").asString();
        }
        return firstVersion;
    }

    private static String firstJobId;

    private JsonNode firstJob() throws Exception {
        return job(firstJobId);
    }

    /**
     * A fictitious family over three generations, every fact stated one way only: children name their mother and
     * father, and everyone has a gender.
     */
    static List<Fact> family() {
        List<Fact> facts = new ArrayList<>();
        String[][] couples = {
            {"Orla Venn", "Bastian Venn"}, {"Ines Venn", "Tobin Hale"}, {"Petra Hale", "Ruben Venn"}, {"Wilma Crane", "Edgar Venn"}};
        String[][] children = {
            {"Ines Venn", "Ruben Venn", "Edgar Venn", "Lotte Venn"},
            {"Nils Hale", "Frida Hale", "Oskar Hale"},
            {"Maja Venn", "Jonas Venn", "Ella Venn"},
            {"Karl Venn", "Greta Venn"}};
        for (int c = 0; c < couples.length; c++) {
            facts.add(new Fact(couples[c][0], "gender", "female"));
            facts.add(new Fact(couples[c][1], "gender", "male"));
            for (String child : children[c]) {
                facts.add(new Fact(child, "mother", couples[c][0]));
                facts.add(new Fact(child, "father", couples[c][1]));
            }
        }
        for (String child : List.of("Lotte Venn", "Frida Hale", "Maja Venn", "Ella Venn", "Greta Venn")) {
            facts.add(new Fact(child, "gender", "female"));
        }
        for (String child : List.of("Nils Hale", "Oskar Hale", "Jonas Venn", "Karl Venn")) {
            facts.add(new Fact(child, "gender", "male"));
        }
        return facts.stream().distinct().toList();
    }

    record Fact(String subject, String relation, String object) {}

    private String submit(String body) throws Exception {
        HttpResponse<String> response = post("/v1/training-jobs", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).path("id").asString();
    }

    private JsonNode job(String id) throws Exception {
        HttpResponse<String> response = get("/v1/training-jobs/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode awaitFinished(String id) throws Exception {
        return await(id, job -> List.of("succeeded", "failed", "cancelled").contains(job.path("status").asString()));
    }

    private JsonNode awaitStatus(String id, String status) throws Exception {
        return await(id, job -> job.path("status").asString().equals(status));
    }

    private JsonNode await(String id, Predicate<JsonNode> done) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        JsonNode job = job(id);
        while (!done.test(job)) {
            assertThat(Instant.now()).as("job %s still %s after %s", id, job, WAIT).isBefore(deadline);
            Thread.sleep(100);
            job = job(id);
        }
        return job;
    }

    private JsonNode askInferred(String question) throws Exception {
        HttpResponse<String> response = post("/v1/queries",
                JSON.writeValueAsString(new Question(question, List.of("inferred"))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    record Question(String question, List<String> evidence) {}

    /** A job row as another process would have left it. */
    private String insertJob(String status, String owner, Instant heartbeat) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into training_job (id, status, settings, epochs, created_at, started_at, owner, heartbeat_at)
                values (?, ?, ?, 60, ?, ?, ?, ?)""")
                .params(id, status, """
                        {"settings":{"rank":8,"epochs":60,"batchSize":100,"learningRate":0.1,"n3Weight":0.01,
                         "initScale":0.001,"reciprocal":true,"patience":3,"validateEvery":5,"seed":42},
                         "validationShare":0.1,"activate":"if-not-worse"}""",
                        utc(Instant.now()), status.equals("running") ? utc(Instant.now()) : null, owner, utc(heartbeat))
                .update();
        return id;
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static JsonNode find(JsonNode array, Predicate<JsonNode> test) {
        for (JsonNode node : array) {
            if (test.test(node)) {
                return node;
            }
        }
        throw new AssertionError("none of " + array + " matches");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (json.isEmpty()) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
