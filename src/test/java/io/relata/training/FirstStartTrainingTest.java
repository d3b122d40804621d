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

/**
 * A new user's first start: the demo families are loaded and a model is trained for them in the background; it then
 * answers in the direction never stated, knows every stated parent, and its confidences can be acted on (no year as a
 * son, no daughter-in-law as a child, no padding).
 */
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

    /** The first-start job, trained once for the class; the tests below ask the model it activated. */
    private static String version;

    @Test
    void firstStartTrainsAModelForTheDemoFamiliesThatThenAnswersInferredQuestions() throws Exception {
        String active = trainedVersion();

        JsonNode answer = ask("Whose mother is Mary Lee Pfeiffer?", "inferred");
        assertThat(answer.path("model").path("version").asString()).isEqualTo(active);
        assertThat(answer.path("model").path("status").asString()).isEqualTo("loaded");
        assertThat(answer.path("model").path("tier").asString()).isEqualTo("local");
        // stated only as "X's mother is Mary Lee Pfeiffer": the other way round comes from the model alone
        assertThat(labels(answer, 0.5)).containsExactlyInAnyOrder("Tom Cruise", "Lee Anne De Vette", "Marian Mapother", "Cass Mapother");
    }

    @Test
    void tomCruisesSonIsConnorFirstNeverAYearAndAGuessedGenderIsNotSatisfied() throws Exception {
        trainedVersion();

        JsonNode sons = ask("Who is Tom Cruise's son?", null, 0.0);

        JsonNode first = sons.path("answers").get(0);
        assertThat(first.path("entity").path("label").asString()).isEqualTo("Connor Cruise");
        assertThat(first.path("filter").asString()).isEqualTo("satisfied");
        for (JsonNode a : sons.path("answers")) {
            // a year (Marie Curie's birth year, 1867) can never fill the role of a son
            assertThat(a.path("entity").path("label").asString()).doesNotMatch("\\d+");
            if (a.path("entity").path("label").asString().equals("Suri Cruise")) {
                assertThat(a.path("filter").asString()).isEqualTo("guessed");
                assertThat(a.path("confidence").asDouble()).isLessThan(1.0);
            }
        }
    }

    @Test
    void aChildWhoseGenderIsNotStatedIsASonOrADaughterNotBoth() throws Exception {
        trainedVersion();

        // Suri's gender is not stated; each value alone looked near-certain to the regression (0.93 and 0.71)
        double son = confidenceOf(ask("Who is Tom Cruise's son?", null, 0.0), "Suri Cruise");
        double daughter = confidenceOf(ask("Who is Tom Cruise's daughter?", null, 0.0), "Suri Cruise");
        assertThat(son + daughter).isLessThanOrEqualTo(1.05);
        JsonNode gender = askStructured("Suri Cruise", "gender");
        assertThat(confidenceOf(gender, "male") + confidenceOf(gender, "female")).isLessThanOrEqualTo(1.05);
        // Connor's is stated male: the model alone leaves female next to no chance
        assertThat(confidenceOf(askStructured("Connor Cruise", "gender"), "female")).isLessThan(0.1);
    }

    @Test
    void connorCruiseHasNoLikelyDaughter() throws Exception {
        trainedVersion();

        // nobody is stated as his child; Marian Mapother, his aunt, was answered at 0.62
        JsonNode daughters = ask("Who is Connor Cruise's daughter?", null, null);
        assertThat(daughters.path("answers")).isEmpty();
        assertThat(labels(ask("Who is Connor Cruise's daughter?", "inferred", 0.0), 0.5)).isEmpty();
    }

    @Test
    void elizabethsOnlyLikelyDaughterIsPrincessAnne() throws Exception {
        trainedVersion();

        assertThat(labels(ask("Who is Elizabeth II's daughter?", null, 0.0), 0.5)).containsExactly("Princess Anne");
    }

    @Test
    void joeJacksonsLikelyChildrenAreHisStatedOnesNotHisDaughterInLaw() throws Exception {
        trainedVersion();

        List<String> children = labels(ask("Who are the children of Joe Jackson?", null, 0.0), 0.5);

        assertThat(children).contains("Michael Jackson", "Janet Jackson").doesNotContain("Lisa Marie Presley");
        assertThat(labels(ask("Who are the children of Joe Jackson?", "inferred", 0.0), 0.5)).doesNotContain("Lisa Marie Presley");
    }

    @Test
    void aDefaultAnswerIsNotPaddedAndAQuestionWithoutALikelyAnswerIsAnEmptyAnswer() throws Exception {
        trainedVersion();

        JsonNode children = ask("Who are Tom Cruise's children?", null, null);
        assertThat(labels(children, 0.0)).containsExactlyInAnyOrder("Isabella Cruise", "Connor Cruise", "Suri Cruise");

        // no man is anybody's mother: a 200 with no answers, its readings and the model that was asked
        JsonNode none = ask("Whose mother is Tom Cruise?", null, null);
        assertThat(none.path("answers")).isEmpty();
        assertThat(none.path("readings")).isNotEmpty();
        assertThat(none.path("model").path("status").asString()).isEqualTo("loaded");
        assertThat(labels(ask("Whose mother is Tom Cruise?", "inferred", 0.0), 0.5)).isEmpty();
    }

    @Test
    void theModelAloneKnowsEveryStatedParentInBothDirections() throws Exception {
        trainedVersion();
        List<String[]> parents = new java.util.ArrayList<>();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                getClass().getResourceAsStream("/demo/families.tsv"), StandardCharsets.UTF_8))) {
            lines.lines().map(l -> l.split("\t")).filter(f -> f[1].equals("mother") || f[1].equals("father")).forEach(parents::add);
        }
        int forward = 0;
        int inverse = 0;
        for (String[] fact : parents) {
            if (inferred(fact[0], fact[1], "forward").contains(fact[2])) {
                forward++;
            }
            if (inferred(fact[2], fact[1], "inverse").contains(fact[0])) {
                inverse++;
            }
        }
        assertThat(parents).hasSize(130);
        assertThat(forward).as("model-alone forward recall of %d stated parent facts", parents.size())
                .isGreaterThanOrEqualTo((int) Math.ceil(0.99 * parents.size()));
        assertThat(inverse).as("model-alone inverse recall of %d stated parent facts", parents.size())
                .isGreaterThanOrEqualTo((int) Math.ceil(0.99 * parents.size()));
    }

    /** The model's answers, every confidence, to a structured forward query. */
    private JsonNode askStructured(String entity, String relation) throws Exception {
        HttpResponse<String> response = post("/v1/queries", JSON.writeValueAsString(java.util.Map.of(
                "entity", entity, "relation", relation, "evidence", List.of("inferred"), "minConfidence", 0)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The confidence of the answer with this label, 0 when it is not among the answers. */
    private static double confidenceOf(JsonNode answer, String label) {
        for (JsonNode a : answer.path("answers")) {
            if (a.path("entity").path("label").asString().equals(label)) {
                return a.path("confidence").asDouble();
            }
        }
        return 0;
    }

    /** The model's answers at its default confidence (0.5) to a structured query, by label. */
    private List<String> inferred(String entity, String relation, String direction) throws Exception {
        HttpResponse<String> response = post("/v1/queries", JSON.writeValueAsString(java.util.Map.of(
                "entity", entity, "relation", relation, "direction", direction, "evidence", List.of("inferred"), "limit", 20)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return labels(JSON.readTree(response.body()), 0.5);
    }

    private synchronized String trainedVersion() throws Exception {
        if (version == null) {
            assertThat(JSON.readTree(get("/actuator/health/readiness").body()).path("status").asString()).isEqualTo("UP");
            JsonNode jobs = JSON.readTree(get("/v1/training-jobs").body()).path("jobs");
            assertThat(jobs).hasSize(1);
            String id = jobs.get(0).path("id").asString();
            assertThat(jobs.get(0).path("settings").path("rank").asInt()).isEqualTo(64);
            JsonNode job = awaitFinished(id);
            assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("succeeded");
            assertThat(job.path("activated").asBoolean()).isTrue();
            version = job.path("modelVersion").asString();
            assertThat(JSON.readTree(get("/v1/models").body()).path("active").asString()).isEqualTo(version);
        }
        return version;
    }

    private JsonNode ask(String question, String evidence) throws Exception {
        return ask(question, evidence, null);
    }

    private JsonNode ask(String question, String evidence, Double minConfidence) throws Exception {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("question", question);
        if (evidence != null) {
            body.put("evidence", List.of(evidence));
        }
        if (minConfidence != null) {
            body.put("minConfidence", minConfidence);
        }
        HttpResponse<String> response = post("/v1/queries", JSON.writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> labels(JsonNode answer, double atLeast) {
        List<String> labels = new java.util.ArrayList<>();
        for (JsonNode a : answer.path("answers")) {
            if (a.path("confidence").asDouble() >= atLeast) {
                labels.add(a.path("entity").path("label").asString());
            }
        }
        return labels;
    }

    private JsonNode awaitFinished(String id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
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
