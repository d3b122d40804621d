package io.relata;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.facts.FactGraph;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on a random port over a fresh embedded store with the demo families, driven by a real HTTP client:
 * the acceptance flow of asking in both directions, adding facts, declaring relations, and the operational endpoints.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // stated answers and "no model loaded" are what these tests check: no background training on first start
        properties = {"relata.query.max-body-bytes=65536", "relata.model.train-on-first-start=false"})
@DirtiesContext
class RelataApplicationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEM_JSON = "application/problem+json";

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("relata.home", () -> home.toString());
        registry.add("relata.demo.enabled", () -> "true");
    }

    @LocalServerPort
    int port;

    @Autowired
    FactGraph facts;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    // --- asking in both directions over the demo families

    @Test
    void forwardQuestionFindsTheMother() throws Exception {
        JsonNode answer = ask("Who is Tom Cruise's mother?");

        assertThat(answer.path("direction").asString()).isEqualTo("forward");
        assertThat(answer.path("entity").path("label").asString()).isEqualTo("Tom Cruise");
        assertThat(labels(answer)).containsExactly("Mary Lee Pfeiffer");
        JsonNode first = answer.path("answers").get(0);
        assertThat(first.path("evidence").asString()).isEqualTo("stated");
        assertThat(first.path("confidence").asDouble()).isEqualTo(1.0);
        assertThat(first.path("reading").path("direction").asString()).isEqualTo("forward");
        assertThat(answer.path("model").path("loaded").asBoolean()).isFalse();
    }

    @Test
    void inverseQuestionsFindTheSon() throws Exception {
        JsonNode son = ask("Who is Mary Lee Pfeiffer's son?");
        JsonNode whose = ask("Whose mother is Mary Lee Pfeiffer?");

        assertThat(son.path("direction").asString()).isEqualTo("inverse");
        assertThat(son.path("entity").path("label").asString()).isEqualTo("Mary Lee Pfeiffer");
        // his sisters are stated female, so the son reading leaves only him
        assertThat(labels(son)).containsExactly("Tom Cruise");
        assertThat(son.path("answers").get(0).path("reading").path("direction").asString()).isEqualTo("inverse");

        assertThat(whose.path("direction").asString()).isEqualTo("inverse");
        assertThat(whose.path("entity").path("label").asString()).isEqualTo("Mary Lee Pfeiffer");
        assertThat(labels(whose)).containsExactlyInAnyOrder("Tom Cruise", "Lee Anne De Vette", "Marian Mapother", "Cass Mapother");
        assertThat(whose.path("answers").get(0).path("reading").path("relation").asString()).isEqualTo("mother");
        assertThat(whose.path("answers").get(0).path("reading").path("direction").asString()).isEqualTo("inverse");
    }

    @Test
    void sonReadingIsFilteredOnGender() throws Exception {
        JsonNode answer = ask("Who is Mary Lee Pfeiffer's son?");

        JsonNode tom = answer.path("answers").get(0);
        assertThat(tom.path("filter").asString()).isEqualTo("satisfied");
        assertThat(tom.path("confidence").asDouble()).isEqualTo(1.0);
        assertThat(answer.path("readings")).isNotEmpty();
        for (JsonNode reading : answer.path("readings")) {
            assertThat(reading.path("direction").asString()).isEqualTo("inverse");
            assertThat(reading.path("filter").path("gender").asString()).isEqualTo("male");
        }
    }

    @Test
    void aSonOfStatedGenderSatisfiesTheFilterAndOnlyHeIsMoreLikelyThanNot() throws Exception {
        JsonNode answer = ask("Who is Tom Cruise's son?");

        assertThat(answer.path("direction").asString()).isEqualTo("inverse");
        assertThat(labels(answer)).containsExactly("Connor Cruise");
        assertThat(answer.path("answers").get(0).path("filter").asString()).isEqualTo("satisfied");
        assertThat(answer.path("answers").get(0).path("confidence").asDouble()).isEqualTo(1.0);
    }

    @Test
    void childrenOfUnstatedGenderAreWeighedByTheBaseRateWithoutAModel() throws Exception {
        JsonNode answer = ask("Who is Tom Cruise's son?", "minConfidence=0");

        assertThat(labels(answer)).containsExactly("Connor Cruise", "Isabella Cruise", "Suri Cruise");
        for (JsonNode child : answer.path("answers")) {
            if (!child.path("entity").path("label").asString().equals("Connor Cruise")) {
                assertThat(child.path("filter").asString()).isEqualTo("unknown");
                assertThat(child.path("confidence").asDouble()).isGreaterThan(0.0).isLessThan(1.0);
            }
        }
    }

    @Test
    void structuredInverseQueryAnswersLikeTheQuestion() throws Exception {
        HttpResponse<String> response = postJson("/v1/queries",
                "{\"entity\":\"Mary Lee Pfeiffer\",\"relation\":\"mother\",\"direction\":\"inverse\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("direction").asString()).isEqualTo("inverse");
        assertThat(labels(answer)).containsExactlyInAnyOrder("Tom Cruise", "Lee Anne De Vette", "Marian Mapother", "Cass Mapother");
    }

    @Test
    void symmetricRelationIsAnsweredFromEitherSide() throws Exception {
        JsonNode fromNicole = ask("Who is Nicole Kidman's spouse?");
        JsonNode fromTom = ask("Who is Tom Cruise's spouse?");

        assertThat(fromNicole.path("direction").asString()).isEqualTo("symmetric");
        assertThat(labels(fromNicole)).containsExactly("Tom Cruise");
        assertThat(fromTom.path("direction").asString()).isEqualTo("symmetric");
        assertThat(labels(fromTom)).containsExactlyInAnyOrder("Mimi Rogers", "Nicole Kidman", "Katie Holmes");
        assertThat(labels(ask("Who is Katie Holmes's husband?"))).containsExactly("Tom Cruise");
    }

    @Test
    void unknownEntityIsANotFoundProblemWithCandidates() throws Exception {
        HttpResponse<String> response = get("/v1/queries?q=" + encode("Who is Zebulon Quux's mother?"));

        JsonNode problem = assertProblem(response, 404, "unknown-entity", "/v1/queries");
        assertThat(problem.path("candidates").isArray()).isTrue();
        assertThat(problem.path("mention").asString()).isEqualTo("Zebulon Quux");
    }

    @Test
    void unknownPhraseIsAnUnprocessableProblemWithWhatWasUnderstood() throws Exception {
        HttpResponse<String> response = get("/v1/queries?q=" + encode("Who is Tom Cruise's godmother?"));

        JsonNode problem = assertProblem(response, 422, "question-not-understood", "/v1/queries");
        assertThat(problem.path("understood").path("entity").asString()).isEqualTo("Tom Cruise");
        assertThat(problem.path("understood").path("relation").asString()).isEqualTo("godmother");
    }

    // --- facts in

    @Test
    void newFactsAreAnsweredBothWaysAndPostingThemAgainAddsNothing() throws Exception {
        String family = """
                [{"subject":"Ada Quill","relation":"mother","object":"Mira Quill"},
                 {"subject":"Ada Quill","relation":"gender","object":"female"}]""";

        HttpResponse<String> first = postJson("/v1/facts", family);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body())).isEqualTo(JSON.readTree("{\"received\":2,\"added\":2,\"duplicates\":0}"));

        HttpResponse<String> both = postJson("/v1/queries/batch", """
                {"queries":[{"question":"Who is Ada Quill's mother?"},
                            {"question":"Whose mother is Mira Quill?"},
                            {"question":"Who are Mira Quill's children?"},
                            {"question":"Who is Mira Quill's daughter?"}]}""");
        assertThat(both.statusCode()).isEqualTo(200);
        JsonNode results = JSON.readTree(both.body()).path("results");
        assertThat(results).hasSize(4);
        assertThat(results.get(0).path("status").asInt()).isEqualTo(200);
        assertThat(results.get(0).path("result").path("direction").asString()).isEqualTo("forward");
        assertThat(labels(results.get(0).path("result"))).containsExactly("Mira Quill");
        for (int i = 1; i < 4; i++) {
            assertThat(results.get(i).path("status").asInt()).isEqualTo(200);
            assertThat(results.get(i).path("result").path("direction").asString()).isEqualTo("inverse");
            assertThat(labels(results.get(i).path("result"))).containsExactly("Ada Quill");
        }
        assertThat(results.get(3).path("result").path("answers").get(0).path("filter").asString()).isEqualTo("satisfied");

        long stored = facts.factCount();
        HttpResponse<String> again = postJson("/v1/facts", family);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body())).isEqualTo(JSON.readTree("{\"received\":2,\"added\":0,\"duplicates\":2}"));
        assertThat(facts.factCount()).isEqualTo(stored);
        assertThat(labels(ask("Whose mother is Mira Quill?"))).containsExactly("Ada Quill");
    }

    @Test
    void tsvImportStoresTheGoodLinesAndNamesTheBadOnes() throws Exception {
        String file = """
                Bram Vell\tfather\tOwen Vell
                this line has no tabs

                Owen Vell\tgender\tmale
                Bram Vell\tmother
                Bram Vell\tfather\tOwen Vell
                \tmother\tNobody Vell
                """;

        HttpResponse<String> response = post("/v1/facts/import", "text/tab-separated-values", file);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode summary = JSON.readTree(response.body());
        assertThat(summary.path("lines").asLong()).isEqualTo(6);
        assertThat(summary.path("added").asLong()).isEqualTo(2);
        assertThat(summary.path("duplicates").asLong()).isEqualTo(1);
        List<Long> badLines = new ArrayList<>();
        for (JsonNode rejection : summary.path("rejected")) {
            badLines.add(rejection.path("line").asLong());
            assertThat(rejection.path("reason").asString()).isNotBlank();
        }
        assertThat(badLines).containsExactly(2L, 5L, 7L);
        assertThat(labels(ask("Who is Bram Vell's father?"))).containsExactly("Owen Vell");
        assertThat(labels(ask("Who is Owen Vell's son?", "minConfidence=0"))).containsExactly("Bram Vell");
        assertProblem(get("/v1/queries?q=" + encode("Who is Nobody Vell's mother?")), 404, "unknown-entity", "/v1/queries");
    }

    @Test
    void csvAndNdjsonImportsStoreFacts() throws Exception {
        HttpResponse<String> csv = post("/v1/facts/import", "text/csv",
                "subject,relation,object\n\"Cleo Marr, Jr.\",mother,Dora Marr\n");
        HttpResponse<String> ndjson = post("/v1/facts/import", "application/x-ndjson",
                "{\"subject\":\"Eli Marr\",\"relation\":\"mother\",\"object\":\"Dora Marr\"}\n{\"subject\":\"Eli Marr\"}\n");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(csv.body()).path("added").asLong()).isEqualTo(1);
        assertThat(ndjson.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ndjson.body()).path("added").asLong()).isEqualTo(1);
        assertThat(JSON.readTree(ndjson.body()).path("rejected").get(0).path("line").asLong()).isEqualTo(2);
        assertThat(labels(ask("Who are Dora Marr's children?"))).containsExactlyInAnyOrder("Cleo Marr, Jr.", "Eli Marr");
    }

    @Test
    void garbageIsAProblemAndStoresNothing() throws Exception {
        long before = facts.factCount();

        assertProblem(postJson("/v1/facts", "[{\"subject\":\"Gus Garble\",\"relation\":\"mother\","),
                400, "invalid-request", "/v1/facts");
        JsonNode missing = assertProblem(postJson("/v1/facts", """
                        [{"subject":"Gus Garble","relation":"mother","object":"Gina Garble"},
                         {"subject":"Gina Garble","relation":"mother"}]"""),
                400, "invalid-request", "/v1/facts");
        assertThat(missing.path("detail").asString()).contains("element 1");
        JsonNode notAnObject = assertProblem(postJson("/v1/facts", """
                        [{"subject":"Gus Garble","relation":"mother","object":"Gina Garble"}, 17]"""),
                400, "invalid-request", "/v1/facts");
        assertThat(notAnObject.path("detail").asString()).contains("element 1");
        assertProblem(postJson("/v1/facts", "{\"subject\":\"Gus Garble\",\"relation\":\"mother\",\"object\":\"Gina Garble\"}"),
                400, "invalid-request", "/v1/facts");
        assertProblem(post("/v1/facts/import", "application/json", "{}"), 415, "unsupported-media-type", "/v1/facts/import");

        assertThat(facts.factCount()).isEqualTo(before);
        assertProblem(get("/v1/queries?q=" + encode("Who is Gus Garble's mother?")), 404, "unknown-entity", "/v1/queries");
    }

    @Test
    void chunkedBodyOverTheLimitIsTooLargeAndStoresNothing() throws Exception {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; body.length() < 100_000; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"subject\":\"Chunk Person ").append(i).append("\",\"relation\":\"mother\",\"object\":\"Chunk Mother\"}");
        }
        byte[] bytes = body.append("]").toString().getBytes(StandardCharsets.UTF_8);
        long before = facts.factCount();

        // an input-stream body has no Content-Length, so it goes chunked and only the counting stream can stop it
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v1/facts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 413, "too-large", "/v1/facts");
        assertThat(facts.factCount()).isEqualTo(before);
        assertProblem(get("/v1/queries?q=" + encode("Who is Chunk Person 1's mother?")), 404, "unknown-entity", "/v1/queries");
    }

    // --- the lexicon at run time

    @Test
    void relationDeclaredAtRunTimeIsAnsweredBothWays() throws Exception {
        HttpResponse<String> declared = postJson("/v1/lexicon/relations",
                "{\"name\":\"director\",\"phrases\":[\"director\"],\"conversePhrases\":[\"directed by\",\"films directed by\"]}");
        assertThat(declared.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(declared.body()).path("readingsAdded").asInt()).isEqualTo(3);

        HttpResponse<String> added = postJson("/v1/facts", """
                [{"subject":"Titanic","relation":"director","object":"James Cameron"},
                 {"subject":"Avatar","relation":"director","object":"James Cameron"}]""");
        assertThat(JSON.readTree(added.body()).path("added").asInt()).isEqualTo(2);

        JsonNode forward = ask("Who is the director of Titanic?");
        assertThat(forward.path("direction").asString()).isEqualTo("forward");
        assertThat(labels(forward)).containsExactly("James Cameron");

        JsonNode inverse = ask("films directed by James Cameron");
        assertThat(inverse.path("direction").asString()).isEqualTo("inverse");
        assertThat(labels(inverse)).containsExactlyInAnyOrder("Titanic", "Avatar");

        JsonNode lexicon = JSON.readTree(get("/v1/lexicon").body());
        assertThat(lexicon.path("phrases").path("films directed by").get(0).path("direction").asString()).isEqualTo("inverse");
        assertThat(StreamSupport.stream(lexicon.path("relations").spliterator(), false).map(r -> r.path("name").asString()))
                .contains("director", "mother", "spouse");
    }

    @Test
    void redeclaringASymmetricRelationToAddAPhraseKeepsItSymmetric() throws Exception {
        assertThat(postJson("/v1/lexicon/relations", "{\"name\":\"cousin\",\"symmetric\":true,\"phrases\":[\"cousin\"]}")
                .statusCode()).isEqualTo(200);
        postJson("/v1/facts", "[{\"subject\":\"Pia Lund\",\"relation\":\"cousin\",\"object\":\"Rolf Lund\"}]");

        // a user adding a phrase need not restate the symmetry
        assertThat(postJson("/v1/lexicon/relations", "{\"name\":\"cousin\",\"phrases\":[\"kin\"]}").statusCode()).isEqualTo(200);

        JsonNode byPhrase = ask("Who is Rolf Lund's kin?");
        assertThat(byPhrase.path("direction").asString()).isEqualTo("symmetric");
        assertThat(labels(byPhrase)).containsExactly("Pia Lund");
        HttpResponse<String> structured = postJson("/v1/queries", "{\"entity\":\"Rolf Lund\",\"relation\":\"cousin\"}");
        JsonNode answer = JSON.readTree(structured.body());
        assertThat(answer.path("direction").asString()).isEqualTo("symmetric");
        assertThat(labels(answer)).containsExactly("Pia Lund");
    }

    @Test
    void aliasAddedAtRunTimeIsUnderstoodInQuestions() throws Exception {
        postJson("/v1/facts", "[{\"subject\":\"Tess Orme\",\"relation\":\"mother\",\"object\":\"Vera Orme\"}]");

        HttpResponse<String> alias = postJson("/v1/entities/aliases", "{\"entity\":\"Tess Orme\",\"alias\":\"T. Orme\"}");
        assertThat(alias.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(alias.body()).path("added").asBoolean()).isTrue();

        JsonNode answer = ask("Who is T. Orme's mother?");
        assertThat(answer.path("entity").path("label").asString()).isEqualTo("Tess Orme");
        assertThat(answer.path("resolution").path("match").asString()).isEqualTo("alias");
        assertThat(labels(answer)).containsExactly("Vera Orme");
        JsonNode resolved = JSON.readTree(get("/v1/entities/resolve?q=" + encode("T. Orme")).body());
        assertThat(resolved.path("entity").path("label").asString()).isEqualTo("Tess Orme");
    }

    // --- operations

    @Test
    void readinessIsExactlyUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"status\":\"UP\"}"));
    }

    @Test
    void storeLivesUnderRelataHome() {
        assertThat(home.resolve("store")).isDirectory();
        assertThat(facts.factCount()).isPositive();
    }

    @Test
    void openApiDescribesTheFixedPaths() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(response.body()).path("paths");
        for (String path : List.of("/v1/queries", "/v1/facts", "/v1/facts/import", "/v1/queries/batch")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }

    @Test
    void swaggerUiIsServed() throws Exception {
        HttpResponse<String> response = get("/swagger-ui/index.html");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsIgnoringCase("swagger");
    }

    @Test
    void prometheusShowsQueryTimingsByDirectionAndOutcomeAndIngestedFacts() throws Exception {
        ask("Who is Tom Cruise's mother?");
        postJson("/v1/facts", "[{\"subject\":\"Ivo Metric\",\"relation\":\"mother\",\"object\":\"Una Metric\"}]");

        HttpResponse<String> response = get("/actuator/prometheus");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .containsPattern(Pattern.compile(
                        "relata_queries_seconds_count\\{[^}]*direction=\"forward\"[^}]*outcome=\"answered\"[^}]*} [1-9]"))
                .containsPattern(Pattern.compile("relata_facts_ingested_total\\{[^}]*} [0-9]"))
                .doesNotContain("Tom Cruise");
    }

    @Test
    void unknownPathIsAProblemToo() throws Exception {
        assertProblem(get("/v1/nothing-here"), 404, "not-found", "/v1/nothing-here");
    }

    // --- helpers

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return post(path, "application/json", body);
    }

    /** GET /v1/queries?q=question, which must answer 200. */
    private JsonNode ask(String question, String... options) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/v1/queries?q=" + encode(question) + (options.length == 0 ? "" : "&" + String.join("&", options)));
        assertThat(response.statusCode()).as(question + " -> " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    private static List<String> labels(JsonNode answer) {
        List<String> labels = new ArrayList<>();
        for (JsonNode a : answer.path("answers")) {
            labels.add(a.path("entity").path("label").asString());
        }
        return labels;
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String type, String path) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(PROBLEM_JSON));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).startsWith("https://relata.io/problems/").endsWith("/" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("instance").asString()).isEqualTo(path);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }
}
