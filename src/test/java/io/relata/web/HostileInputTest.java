package io.relata.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile-input battery: every malformed, invisible, overlong or mistyped input relata takes, sent to the whole
 * service on a random port through a raw socket (so that requests no HTTP client would send reach the server as
 * written). Every answer must be a problem+json of a 4xx, never a 5xx, and a refused request must change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"relata.model.train-on-first-start=false", "relata.demo.enabled=true"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class HostileInputTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TSV = "text/tab-separated-values";

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("relata.home", () -> home.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    // --- requests Tomcat refuses before relata sees them, and the container's error path

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                Arguments.of("spaces in the request target", "GET /v1/a b c HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("a header name with a space", "GET /v1/lexicon HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n"),
                Arguments.of("a NUL in the method", "G\u0000T / HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("an overlong escape in the path", "GET /v1/%c0%af HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("a raw byte above 0x7F in the query", "GET /v1/queries?q=\u00c0\u00af HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("a header line without a colon", "GET / HTTP/1.1\r\nHost: x\r\nnonsense\r\n\r\n"),
                Arguments.of("a bad Content-Length", "POST /v1/facts HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void requestsTomcatRefusesAreProblemsAndLogNoStackTrace(String what, String request, CapturedOutput output)
            throws IOException {
        Reply reply = send(request.getBytes(StandardCharsets.ISO_8859_1));

        assertProblem(reply, 400, "invalid-request");
        assertThat(output.getAll()).doesNotContain("\tat ");
    }

    @Test
    void anUnsupportedHttpVersionIsAProblemToo() throws IOException {
        Reply reply = send("GET / HTTP/9.9\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertProblem(reply, 505, "http-version-not-supported");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "DELETE"})
    void errorPathAskedForDirectlyIsNotFound(String method) throws IOException {
        Reply reply = request(method, "/error", null, null);

        assertProblem(reply, 404, "not-found");
        assertThat(reply.json().path("instance").asString()).isEqualTo("/error");
    }

    @Test
    void errorsAreProblemsWhateverTheClientAccepts() throws IOException {
        Reply reply = send(("GET /v1/nothing-here HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));

        assertProblem(reply, 404, "not-found");
    }

    // --- query strings

    @ParameterizedTest
    @ValueSource(strings = {"%FF", "%zz%", "%c0%af", "x%0AFORGED%FF", "%ED%A0%80", "%F4%90%80%80", "Who%20is%20%E2%82"})
    void badPercentEscapesAndMalformedUtf8InTheQueryAreInvalid(String q) throws IOException {
        Reply reply = request("GET", "/v1/queries?q=" + q, null, null);

        assertProblem(reply, 400, "invalid-request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%E2%80%8B", "%E2%80%AE", "%00", "%0A", "%EF%BB%BF", "%EE%80%80"})
    void invisibleOrControlCharactersInAQuestionAreRefusedNamingTheParameter(String character) throws IOException {
        Reply reply = request("GET", "/v1/queries?q=Who%20is%20Tom" + character + "%20Cruise's%20mother", null, null);

        assertProblem(reply, 400, "invalid-request");
        assertThat(reply.json().path("detail").asString()).startsWith("q contains");
    }

    @Test
    void theSameQuestionWithoutTheInvisibleCharacterIsAnswered() throws IOException {
        Reply reply = request("GET", "/v1/queries?q=Who%20is%20Tom%20Cruise's%20mother", null, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("answers").get(0).path("entity").path("label").asString()).isEqualTo("Mary Lee Pfeiffer");
    }

    // --- JSON bodies: UTF-8, strictness, text checks

    static Stream<Arguments> malformedUtf8Bodies() {
        return Stream.of(
                Arguments.of("overlong slash", bytes("{\"question\":\"Who is \u00c0\u00af mother?\"}")),
                Arguments.of("a lone continuation byte", bytes("{\"question\":\"Who is \u0080?\"}")),
                Arguments.of("an encoded surrogate", bytes("{\"question\":\"Who is \u00ed\u00a0\u0080?\"}")),
                Arguments.of("0xFF", bytes("{\"question\":\"\u00ff\"}")),
                Arguments.of("a sequence cut short", bytes("{\"question\":\"x\u00e2\u0082\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedUtf8Bodies")
    void malformedUtf8InAJsonBodyIsInvalid(String what, byte[] body) throws IOException {
        Reply reply = request("POST", "/v1/queries", "application/json", body);

        assertProblem(reply, 400, "invalid-request");
        assertThat(reply.json().path("detail").asString()).contains("not valid UTF-8");
    }

    static Stream<Arguments> nonStrictJson() {
        return Stream.of(
                Arguments.of("/v1/queries", "{\"question\":\"a\",\"question\":\"b\"}", "Duplicate"),
                Arguments.of("/v1/queries", "{\"question\":\"Who is Tom Cruise's mother?\",\"limt\":3}", "unknown field 'limt'"),
                Arguments.of("/v1/queries", "{\"question\":\"Who is Tom Cruise's mother?\",\"limit\":\"5\"}", "limit must be an integer"),
                Arguments.of("/v1/queries", "{\"question\":\"Who is Tom Cruise's mother?\",\"limit\":5.5}", "limit must be an integer"),
                Arguments.of("/v1/queries", "{\"question\":5}", "question must be a string"),
                Arguments.of("/v1/queries", "{\"question\":\"Who is Tom Cruise's mother?\",\"evidence\":\"stated\"}", "evidence must be an array"),
                Arguments.of("/v1/queries", "{\"question\":\"Who is Tom Cruise's mother?\"} {}", "content follows the JSON value"),
                Arguments.of("/v1/queries", "[]", "the body must be an object"),
                Arguments.of("/v1/queries/batch", "{\"queries\":[{\"question\":\"x\",\"limit\":\"5\"}]}", "queries[0].limit must be an integer"),
                Arguments.of("/v1/lexicon/relations", "{\"name\":\"hostile\",\"symmetric\":1}", "symmetric must be true or false"),
                Arguments.of("/v1/lexicon/relations", "{\"name\":\"hostile\",\"phrases\":[1,2]}", "phrases[0] must be a string"),
                Arguments.of("/v1/lexicon/relations", "{\"name\":\"hostile\",\"name\":\"other\"}", "Duplicate"),
                Arguments.of("/v1/lexicon/relations", "{\"name\":7}", "name must be a string"),
                Arguments.of("/v1/lexicon/phrases", "{\"phrase\":\"hostile\",\"readings\":[{\"relation\":\"mother\",\"filter\":{\"gender\":1}}]}",
                        "must be a string"),
                Arguments.of("/v1/lexicon/phrases", "{\"phrase\":\"hostile\",\"readings\":[{\"relation\":\"mother\",\"extra\":1}]}",
                        "unknown field"),
                Arguments.of("/v1/facts", "[{\"subject\":\"Hostile A\",\"relation\":\"mother\",\"object\":\"Hostile B\",\"x\":1}]",
                        "unknown field 'x'"),
                Arguments.of("/v1/facts", "[{\"subject\":\"Hostile A\",\"subject\":\"Hostile C\",\"relation\":\"mother\",\"object\":\"Hostile B\"}]",
                        "Duplicate"),
                Arguments.of("/v1/facts", "[{\"subject\":5,\"relation\":\"mother\",\"object\":\"Hostile B\"}]", "subject must be a string"),
                Arguments.of("/v1/entities/aliases", "{\"entity\":\"Tom Cruise\",\"alias\":\"Hostile\",\"x\":1}", "unknown field 'x'"),
                Arguments.of("/v1/entities/aliases", "{\"entity\":\"Tom Cruise\",\"alias\":[\"Hostile\"]}", "alias must be a string"),
                Arguments.of("/v1/training-jobs", "{\"epochs\":\"5\"}", "epochs must be an integer"),
                Arguments.of("/v1/training-jobs", "{\"epochs\":5,\"epochs\":6}", "Duplicate"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("nonStrictJson")
    void duplicateKeysUnknownFieldsAndWrongTypesAreInvalidNamingTheFieldAndStoreNothing(String path, String body, String detail)
            throws IOException {
        Map<String, Long> before = counts();

        Reply reply = request("POST", path, "application/json", bytes(body));

        assertProblem(reply, 400, "invalid-request");
        assertThat(reply.json().path("detail").asString()).contains(detail);
        assertThat(counts()).isEqualTo(before);
    }

    static Stream<Arguments> refusedLabels() {
        return Stream.of(
                Arguments.of("Tom\\u200b Cruise", "U+200B"),
                Arguments.of("\\u200d", "U+200D"),
                Arguments.of("\\ufeff", "U+FEFF"),
                Arguments.of("\\u0301\\u0301", "no visible character"),
                Arguments.of("abc\\u202e", "U+202E"),
                Arguments.of("Tom\\ud800", "unpaired surrogate"),
                Arguments.of("\\ue000", "private-use"),
                Arguments.of("Tom\\u0000", "U+0000"),
                Arguments.of("Tom\\nCruise", "U+000A"),
                Arguments.of("x".repeat(501), "longer than 500"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusedLabels")
    void invisibleInvalidOrOverlongLabelsAreRefusedAndStoreNothing(String label, String detail) throws IOException {
        Map<String, Long> before = counts();

        Reply reply = request("POST", "/v1/facts", "application/json",
                bytes("[{\"subject\":\"Hostile Ok\",\"relation\":\"mother\",\"object\":\"Hostile Mum\"},"
                        + "{\"subject\":\"" + label + "\",\"relation\":\"mother\",\"object\":\"Mary Lee Pfeiffer\"}]"));

        assertProblem(reply, 400, "invalid-request");
        assertThat(reply.json().path("detail").asString()).startsWith("element 1: subject").contains(detail);
        assertThat(counts()).isEqualTo(before);
        Reply alias = request("POST", "/v1/entities/aliases", "application/json",
                bytes("{\"entity\":\"Tom Cruise\",\"alias\":\"" + label + "\"}"));
        assertProblem(alias, 400, "invalid-request");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void structuredQueryFieldsAreChecked() throws IOException {
        Reply entity = request("POST", "/v1/queries", "application/json",
                bytes("{\"entity\":\"Tom\\u200bCruise\",\"relation\":\"mother\"}"));
        Reply relation = request("POST", "/v1/queries", "application/json",
                bytes("{\"entity\":\"Tom Cruise\",\"relation\":\"mo\\u0000ther\"}"));
        Reply batch = request("POST", "/v1/queries/batch", "application/json",
                bytes("{\"queries\":[{\"question\":\"Who is Tom\\u202eCruise's mother?\"}]}"));

        assertProblem(entity, 400, "invalid-request");
        assertThat(entity.json().path("detail").asString()).startsWith("entity contains");
        assertProblem(relation, 400, "invalid-request");
        assertThat(relation.json().path("detail").asString()).startsWith("relation contains");
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.json().path("results").get(0).path("status").asInt()).isEqualTo(400);
        assertThat(batch.json().path("results").get(0).path("problem").path("detail").asString())
                .startsWith("queries[0].question contains");
    }

    // --- the lexicon's limits

    static Stream<Arguments> refusedLexiconChanges() {
        String step = "{\"relation\":\"mother\"}";
        return Stream.of(
                Arguments.of("/v1/lexicon/relations", "{\"name\":\"hostile\",\"description\":\"" + "d".repeat(1001) + "\"}",
                        400, "description is longer than 1000"),
                Arguments.of("/v1/lexicon/relations", "{\"name\":\"" + "n".repeat(501) + "\"}", 400, "name is longer than 500"),
                Arguments.of("/v1/lexicon/relations", "{\"name\":\"hos\\u200btile\"}", 400, "name contains"),
                Arguments.of("/v1/lexicon/relations", "{\"name\":\"hostile\",\"phrases\":[\"p\\u0000\"]}", 400, "phrases[0] contains"),
                Arguments.of("/v1/lexicon/relations", "{\"name\":\"hostile\",\"phrases\":[\"" + "p".repeat(201) + "\"]}", 400,
                        "phrases[0] is longer than 200"),
                Arguments.of("/v1/lexicon/relations", "{\"name\":\"hostile\",\"phrases\":" + phrases(5000) + "}", 413, "5000 phrases"),
                Arguments.of("/v1/lexicon/phrases", "{\"phrase\":\"hostile\",\"readings\":[{\"relation\":\"mother\",\"filter\":{\"gender\":\""
                        + "m".repeat(501) + "\"}}]}", 400, "readings[0].filter.gender is longer than 500"),
                Arguments.of("/v1/lexicon/phrases", "{\"phrase\":\"hostile\",\"readings\":[{\"relation\":\"mother\",\"filter\":{\"gender\":\"ma\\u0000le\"}}]}",
                        400, "readings[0].filter.gender contains a control character"),
                Arguments.of("/v1/lexicon/phrases", "{\"phrase\":\"hostile\",\"readings\":[{\"path\":[" + String.join(",", java.util.Collections.nCopies(40, step))
                        + "]}]}", 400, "readings[0].path has 40 steps"),
                Arguments.of("/v1/lexicon/phrases", "{\"phrase\":\"hostile\",\"readings\":[" + String.join(",",
                        java.util.Collections.nCopies(33, "{\"relation\":\"mother\"}")) + "]}", 413, "33 readings"),
                Arguments.of("/v1/lexicon/phrases", "{\"phrase\":\"hostile\",\"readings\":[{\"relation\":\"no-such-relation\"}]}",
                        400, "unknown relation"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("refusedLexiconChanges")
    void lexiconInputsOverTheirLimitsAreRefusedAndStoreNothing(String path, String body, int status, String detail)
            throws IOException {
        Map<String, Long> before = counts();

        Reply reply = request("POST", path, "application/json", bytes(body));

        assertProblem(reply, status, status == 413 ? "too-large" : "invalid-request");
        assertThat(reply.json().path("detail").asString()).contains(detail);
        assertThat(counts()).isEqualTo(before);
    }

    // --- imports

    @Test
    void csvQuotedLineBreakIsPartOfTheFieldAndRejectionsNameTheLineARecordStartsOn() throws IOException {
        String csv = "subject,relation,object\n\"Quill\n\",mother,\"Mira Quill\"\n\"Ada\nQuill\"x,mother,Mira Quill\n"
                + "Ada Quill,father,Owen Quill\n";

        Reply reply = request("POST", "/v1/facts/import", "text/csv", bytes(csv));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("added").asInt()).isEqualTo(2);
        assertThat(reply.json().path("rejected").get(0).path("line").asInt()).isEqualTo(4);
        assertThat(entitiesLabelled("Quill\"")).isZero();
        assertThat(entitiesLabelled("Quill")).isOne();
    }

    @Test
    void tsvHeaderLineIsNotStored() throws IOException {
        Reply reply = request("POST", "/v1/facts/import", TSV, bytes("Subject\tRelation\tObject\nHdr Ann\tmother\tHdr Bea\n"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("lines").asInt()).isEqualTo(1);
        assertThat(entitiesLabelled("Subject")).isZero();
        assertThat(entitiesLabelled("Hdr Ann")).isOne();
    }

    @Test
    void malformedUtf8AndInvisibleLabelsInAnImportAreRejectedByLineAndTheRestIsStored() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(bytes("Imp A\u00c0\u00af\tmother\tImp B\n"));           // 1 overlong
        file.writeBytes(bytes("Imp C\u00ed\u00a0\u0080\tmother\tImp D\n"));      // 2 encoded surrogate
        file.writeBytes("Imp E\u200b\tmother\tImp F\n".getBytes(StandardCharsets.UTF_8)); // 3 zero-width space
        file.writeBytes(bytes("Imp G\tmother\tImp H\n"));                        // 4 fine

        Reply reply = request("POST", "/v1/facts/import", TSV, file.toByteArray());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("added").asInt()).isEqualTo(1);
        assertThat(reply.json().path("rejected")).extracting(r -> r.path("line").asInt()).containsExactly(1, 2, 3);
        assertThat(entitiesLabelled("Imp %")).isEqualTo(2);
    }

    @Test
    void loneSurrogateInAnNdjsonImportIsARejectedLine() throws IOException {
        String ndjson = "{\"subject\":\"Sur A\\ud800\",\"relation\":\"mother\",\"object\":\"Sur B\"}\n"
                + "{\"subject\":\"Sur C\",\"relation\":\"mother\",\"object\":\"Sur D\",\"extra\":1}\n"
                + "{\"subject\":\"Sur E\",\"relation\":\"mother\",\"object\":\"Sur F\"}\n";

        Reply reply = request("POST", "/v1/facts/import", "application/x-ndjson", bytes(ndjson));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("rejected")).extracting(r -> r.path("line").asInt()).containsExactly(1, 2);
        assertThat(reply.json().path("rejected").get(0).path("reason").asString()).contains("unpaired surrogate");
        assertThat(entitiesLabelled("Sur %")).isEqualTo(2);
    }

    // --- lexicon edits can be undone

    @Test
    void aReadingAddedToABuiltInPhraseCanBeDeletedAgain() throws IOException {
        String before = answers("Who is Tom Cruise's mother?");
        assertThat(request("POST", "/v1/lexicon/phrases", "application/json",
                bytes("{\"phrase\":\"mother\",\"readings\":[{\"relation\":\"father\"}]}")).status()).isEqualTo(200);
        assertThat(answers("Who is Tom Cruise's mother?")).contains("Thomas Cruise Mapother III");

        JsonNode phrase = request("GET", "/v1/lexicon/phrases/mother", null, null).json();
        long added = -1;
        for (JsonNode reading : phrase.path("readings")) {
            if (reading.path("origin").asString().equals("user")) {
                added = reading.path("id").asLong();
            }
        }
        Reply deleted = request("DELETE", "/v1/lexicon/phrases/mother/readings/" + added, null, null);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(answers("Who is Tom Cruise's mother?")).isEqualTo(before);
        assertProblem(request("DELETE", "/v1/lexicon/phrases/mother/readings/" + added, null, null), 404, "unknown-reading");
    }

    @Test
    void aDeletedBuiltInPhraseStaysDeletedWhenTheLexiconIsSeededAgainUntilTheDefaultsAreRestored() throws Exception {
        assertThat(request("GET", "/v1/queries?q=Who%20is%20Tom%20Cruise's%20mum", null, null).status()).isEqualTo(200);

        assertThat(request("DELETE", "/v1/lexicon/phrases/mum", null, null).status()).isEqualTo(200);
        assertProblem(request("GET", "/v1/queries?q=Who%20is%20Tom%20Cruise's%20mum", null, null), 422, "question-not-understood");
        context.getBean("lexiconSeeder", ApplicationRunner.class).run(null);
        assertProblem(request("GET", "/v1/queries?q=Who%20is%20Tom%20Cruise's%20mum", null, null), 422, "question-not-understood");
        assertProblem(request("DELETE", "/v1/lexicon/phrases/mum", null, null), 404, "unknown-phrase");

        Reply restored = request("POST", "/v1/lexicon/restore-defaults?keepUserAdditions=true", null, null);

        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.json().path("builtinReadingsRestored").asInt()).isPositive();
        assertThat(request("GET", "/v1/queries?q=Who%20is%20Tom%20Cruise's%20mum", null, null).status()).isEqualTo(200);
    }

    @Test
    void aRelationIsDeletedWithItsReadingsButNotWhileFactsUseIt() throws IOException {
        assertThat(request("POST", "/v1/lexicon/relations", "application/json",
                bytes("{\"name\":\"hostile-director\",\"phrases\":[\"hostile director\"]}")).status()).isEqualTo(200);

        assertProblem(request("DELETE", "/v1/lexicon/relations/mother", null, null), 409, "relation-in-use");
        Reply deleted = request("DELETE", "/v1/lexicon/relations/hostile-director", null, null);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("readingsDeleted").asInt()).isEqualTo(1);
        assertProblem(request("GET", "/v1/lexicon/phrases/hostile%20director", null, null), 404, "unknown-phrase");
        assertProblem(request("DELETE", "/v1/lexicon/relations/hostile-director", null, null), 404, "unknown-relation");
        assertThat(answers("Who is Tom Cruise's mother?")).contains("Mary Lee Pfeiffer");
    }

    // --- logs

    @Test
    void aLineBreakInARefusedQuestionForgesNoLogLineAndNoStackTraceIsLogged(CapturedOutput output) throws IOException {
        request("GET", "/v1/queries?q=Who%20is%20x%0A2026-01-01%20ERROR%20FORGED%FF", null, null);
        request("POST", "/v1/queries", "application/json", bytes("{\"question\":\"x\\n2026-01-01 ERROR FORGED\"}"));
        request("POST", "/v1/queries", "application/json", bytes("{\"question\":\"Who is Nobody\\u0085FORGED's mother?\"}"));

        assertThat(output.getAll().lines()).noneMatch(line -> line.startsWith("2026-01-01 ERROR FORGED") || line.startsWith("FORGED"));
        assertThat(output.getAll()).doesNotContain("\tat ");
    }

    // --- helpers

    private String answers(String question) throws IOException {
        Reply reply = request("GET", "/v1/queries?q=" + java.net.URLEncoder.encode(question, StandardCharsets.UTF_8)
                .replace("+", "%20"), null, null);
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        StringBuilder labels = new StringBuilder();
        reply.json().path("answers").forEach(a -> labels.append(a.path("entity").path("label").asString()).append(';'));
        return labels.toString();
    }

    private static String phrases(int n) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",").append("\"hostile ").append(i).append('"');
        }
        return json.append(']').toString();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("entity", "entity_alias", "fact", "relation", "phrase_reading", "training_job")) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        counts.put("phrase_reading in force", jdbc.sql("select count(*) from phrase_reading where origin <> 'removed'")
                .query(Long.class).single());
        return counts;
    }

    private long entitiesLabelled(String pattern) {
        return jdbc.sql("select count(*) from entity where label like ?").param(pattern).query(Long.class).single();
    }

    /** Latin-1 bytes of a string: each char below 256 is the byte of that value, so a test can write any byte. */
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(status);
        assertThat(reply.header("content-type")).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("type").asString()).isEqualTo("https://relata.io/problems/" + type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("instance").asString()).startsWith("/");
        assertThat(problem.has("trace")).isFalse();
    }

    private Reply request(String method, String target, String contentType, byte[] body) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        if (contentType != null) {
            request.writeBytes(("Content-Type: " + contentType + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        byte[] content = body == null ? new byte[0] : body;
        request.writeBytes(("Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(content);
        return send(request.toByteArray());
    }

    @Test
    void aBodyThatEndsBeforeItsLengthOrInABrokenChunkIsAClientErrorNotAStackTrace(CapturedOutput output) throws IOException {
        Reply json = sendAndStop(head("/v1/facts", "application/json", "Content-Length: 1000"),
                "[{\"subject\":\"Cut Short\",\"relation\":\"mother\",\"object\":\"Never Sent\"}");
        assertThat(json.status()).as(json.body()).isEqualTo(400);
        assertThat(json.json().path("type").asString()).endsWith("invalid-request");
        assertThat(json.json().path("detail").asString()).contains("ended before it was complete");

        Reply tsv = sendAndStop(head("/v1/facts/import", TSV, "Content-Length: 1000"), "Cut Short\tmother\tNever Sent\n");
        assertThat(tsv.status()).as(tsv.body()).isEqualTo(503);
        assertThat(tsv.json().path("type").asString()).endsWith("import-interrupted");
        assertThat(tsv.json().path("detail").asString()).contains("the body broke off");
        assertThat(tsv.json().path("committedLines").asLong()).isZero();

        Reply triples = sendAndStop(head("/v1/facts/import", "application/n-triples", "Content-Length: 1000"),
                "<http://example.org/cut> <http://example.org/p> <http://example.org/short> .\n");
        assertThat(triples.status()).as(triples.body()).isEqualTo(503);
        assertThat(triples.json().path("type").asString()).endsWith("import-interrupted");

        Reply chunk = sendAndStop(head("/v1/facts/import", TSV, "Transfer-Encoding: chunked"), "5\r\nCut S\r\nZZ\r\nbroken");
        assertThat(chunk.status()).as(chunk.body()).isIn(400, 503);
        assertThat(chunk.body()).doesNotContain("Exception");

        Reply nothingStored = request("GET", "/v1/entities/resolve?q=Cut%20Short", null, null);
        assertThat(nothingStored.status()).as("nothing of the broken bodies was stored").isEqualTo(404);
        assertThat(output.getOut()).doesNotContain("\n\tat ").doesNotContain("Unexpected failure");
    }

    private static String head(String path, String type, String framing) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type + "\r\n" + framing + "\r\n\r\n";
    }

    /** Sends a request and stops sending (half-closes the connection) before its body is complete. */
    private Reply sendAndStop(String head, String partialBody) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + partialBody).getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();
            return Reply.parse(socket.getInputStream().readAllBytes());
        }
    }

    /** Sends raw bytes and reads the whole answer (the server closes the connection after it). */
    private Reply send(byte[] request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] all = in.readAllBytes();
            return Reply.parse(all);
        }
    }

    /** An HTTP/1.1 answer: status, headers (lower-case names) and the body, de-chunked. */
    record Reply(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.getOrDefault(name, "");
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        static Reply parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int split = text.indexOf("\r\n\r\n");
            assertThat(split).as("a complete HTTP answer: %s", text).isPositive();
            String[] head = text.substring(0, split).split("\r\n");
            int status = Integer.parseInt(head[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
            }
            byte[] body = java.util.Arrays.copyOfRange(raw, split + 4, raw.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(body);
            }
            return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] dechunk(byte[] body) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int position = 0;
            while (position < body.length) {
                int lineEnd = position;
                while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
                    lineEnd++;
                }
                int size = Integer.parseInt(new String(body, position, lineEnd - position, StandardCharsets.US_ASCII)
                        .split(";")[0].strip(), 16);
                if (size == 0) {
                    break;
                }
                out.write(body, lineEnd + 2, size);
                position = lineEnd + 2 + size + 2;
            }
            return out.toByteArray();
        }
    }
}
