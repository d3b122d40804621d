package io.relata.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A new user's first start: the demo families are loaded and a model is trained for them in the background. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"relata.demo.enabled=true", "relata.model.train-on-first-start=true", "relata.model.device=cpu"})
@DirtiesContext
class FirstStartTrainingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("relata.home", () -> home.toString());
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void firstStartTrainsAModelForTheDemoFamiliesThatThenAnswersInferredQuestions() throws Exception {
        assertThat(JSON.readTree(get("/actuator/health/readiness").body()).path("status").asString()).isEqualTo("UP");
        JsonNode jobs = JSON.readTree(get("/v1/training-jobs").body()).path("jobs");
        assertThat(jobs).hasSize(1);
        String id = jobs.get(0).path("id").asString();
        assertThat(jobs.get(0).path("settings").path("rank").asInt()).isEqualTo(64);

        JsonNode job = awaitFinished(id);
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("activated").asBoolean()).isTrue();
        String version = job.path("modelVersion").asString();
        assertThat(JSON.readTree(get("/v1/models").body()).path("active").asString()).isEqualTo(version);

        HttpResponse<String> answer = post("/v1/queries",
                JSON.writeValueAsString(new Question("Whose mother is Mary Lee Pfeiffer?", List.of("inferred"))));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("model").path("version").asString()).isEqualTo(version);
        assertThat(JSON.readTree(answer.body()).path("answers")).isNotEmpty();
    }

    record Question(String question, List<String> evidence) {}

    private JsonNode awaitFinished(String id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode job = JSON.readTree(get("/v1/training-jobs/" + id).body());
            if (List.of("succeeded", "failed", "cancelled").contains(job.path("status").asString())) {
                return job;
            }
            assertThat(Instant.now()).as("first-start job still %s", job).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
