package io.relata.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.lexicon.Lexicon;
import io.relata.model.ModelManifest;
import io.relata.model.ServingModel;
import io.relata.training.TrainingJob;
import io.relata.training.TrainingJobs;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access control of the whole service on a random port with API keys and a JWT issuer configured, driven over a raw
 * socket so that every spelling of a path reaches Tomcat as written. Every /v1 operation Spring MVC maps (listed from
 * its RequestMappingHandlerMapping, so a new endpoint cannot be left out) is tried with no credential, a wrong key,
 * a read key, read, expired, forged and scope-less JWTs, and a write key, through the plain path and every bypass
 * spelling (path parameters, encoded segments, slashes, dots and percent signs, double slashes, dot segments, case,
 * trailing slash); each answer's status is checked, and after each request the store, the lexicon, the training jobs
 * and the active model are compared with before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "relata.security.enabled=true",
        "relata.security.read-keys=" + AccessControlFullStackTest.READ_KEY,
        "relata.security.write-keys=" + AccessControlFullStackTest.WRITE_KEY,
        "relata.demo.enabled=true", "relata.model.train-on-first-start=false", "relata.model.device=cpu",
        "relata.query.max-body-bytes=65536"})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessControlFullStackTest {

    static final String READ_KEY = "test-read-key-4f1c9a";
    static final String WRITE_KEY = "test-write-key-8b27de";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TestTokens TOKENS = new TestTokens();
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String TYPE = "https://relata.io/problems/";

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("relata.home", () -> home.toString());
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TOKENS::publicKeyLocation);
    }

    /** A caller: what it sends, and how far it gets. */
    enum Credential {
        NONE(null, Level.NONE),
        WRONG_KEY("Bearer not-a-key-" + READ_KEY, Level.NONE),
        MALFORMED_HEADER("Bearer two words", Level.NONE),
        BASIC_AUTH("Basic " + java.util.Base64.getEncoder().encodeToString(("x:" + WRITE_KEY).getBytes()), Level.NONE),
        EXPIRED_JWT("Bearer " + TOKENS.expired("relata.write"), Level.NONE),
        FORGED_JWT("Bearer " + TOKENS.forged("relata.write"), Level.NONE),
        SCOPELESS_JWT("Bearer " + TOKENS.valid("profile email"), Level.AUTHENTICATED),
        READ_KEY_("Bearer " + READ_KEY, Level.READ),
        READ_JWT("Bearer " + TOKENS.valid("relata.read"), Level.READ),
        WRITE_KEY_("Bearer " + WRITE_KEY, Level.WRITE),
        WRITE_JWT("Bearer " + TOKENS.valid("relata.read relata.write"), Level.WRITE);

        final String authorization;
        final Level level;

        Credential(String authorization, Level level) {
            this.authorization = authorization;
            this.level = level;
        }
    }

    enum Level { NONE, AUTHENTICATED, READ, WRITE }

    /** How the firewall and the router treat a spelling of a path. */
    enum Routing {
        /** Refused by the firewall before anything else: 400 for everyone. */
        REFUSED,
        /** Decoded and normalised to the operation's own path: routed to its controller. */
        ROUTED,
        /** Well-formed but no route (routing is case-sensitive and strict about trailing slashes): 404 once admitted. */
        UNROUTED
    }

    /** One way of writing a path. */
    record Spelling(String name, Routing routing, UnaryOperator<String> spell) {}

    static final List<Spelling> SPELLINGS = List.of(
            new Spelling("plain", Routing.ROUTED, p -> p),
            new Spelling("path parameter on the first segment", Routing.REFUSED, p -> p.replaceFirst("^/v1", "/v1;x")),
            new Spelling("path parameter on the last segment", Routing.REFUSED, p -> p + ";x=1"),
            new Spelling("jsessionid parameter", Routing.REFUSED, p -> p + ";jsessionid=0123"),
            new Spelling("encoded semicolon", Routing.REFUSED, p -> p.replaceFirst("^/v1", "/v1%3Bx")),
            new Spelling("encoded first segment", Routing.ROUTED, p -> p.replaceFirst("^/v1", "/%76%31")),
            new Spelling("every character encoded", Routing.ROUTED, AccessControlFullStackTest::encodeEveryCharacter),
            new Spelling("double-encoded segment", Routing.REFUSED, p -> p.replaceFirst("^/v1", "/%2576%2531")),
            new Spelling("encoded slash", Routing.REFUSED, p -> p.replaceFirst("^/v1/", "/v1%2F")),
            new Spelling("encoded slash, lower case", Routing.REFUSED, p -> p.replaceFirst("^/v1/", "/v1%2f")),
            new Spelling("encoded backslash", Routing.REFUSED, p -> p.replaceFirst("^/v1/", "/v1%5C")),
            new Spelling("encoded dot-dot segment", Routing.REFUSED, p -> p.replaceFirst("^/v1/", "/v1/x/%2e%2e/")),
            new Spelling("encoded dot segment", Routing.REFUSED, p -> p.replaceFirst("^/v1/", "/v1/%2E/")),
            new Spelling("dot-dot segment", Routing.REFUSED, p -> p.replaceFirst("^/v1/", "/v1/x/../")),
            new Spelling("dot segment", Routing.REFUSED, p -> p.replaceFirst("^/v1/", "/v1/./")),
            new Spelling("leading double slash", Routing.REFUSED, p -> "/" + p),
            new Spelling("inner double slash", Routing.REFUSED, p -> p.replaceFirst("^/v1/", "/v1//")),
            new Spelling("encoded trailing slash", Routing.REFUSED, p -> p + "%2F"),
            new Spelling("upper case", Routing.UNROUTED, p -> p.replaceFirst("^/v1", "/V1")),
            new Spelling("trailing slash", Routing.UNROUTED, p -> p + "/"));

    /** One API operation: its mapping, a request that would change or read something, and its status when admitted. */
    record Operation(String method, String pattern, String path, String query, String contentType, String body,
            int okStatus, boolean reads) {

        boolean question() {
            return method.equals("POST") && reads;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Lexicon lexicon;

    @Autowired
    TrainingJobs jobs;

    @Autowired
    ServingModel serving;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private RawHttp http;
    private List<String> tables;

    /** A trained, inactive model version, a finished job and a running one: what activation and the job operations need. */
    private static String version;
    private static String finishedJob;
    private static String runningJob;
    private static long mumReading;
    private static TrainingJobs trainingJobs;

    @BeforeEach
    void fixture() throws Exception {
        http = new RawHttp(port);
        if (version != null) {
            return;
        }
        RawHttp.Response first = call("POST", "/v1/training-jobs", Credential.WRITE_KEY_, "application/json",
                "{\"rank\":8,\"epochs\":5,\"validateEvery\":5,\"activate\":\"never\"}");
        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        finishedJob = JSON.readTree(first.body()).path("id").asString();
        TrainingJob done = await(finishedJob, job -> job.status().wireName().equals("succeeded"));
        version = done.modelVersion();
        startRunningJob();
        trainingJobs = jobs;
        mumReading = jdbc.sql("select min(id) from phrase_reading where phrase = 'mum'").query(Long.class).single();
        assertThat(serving.activeManifest()).isEmpty();
    }

    @AfterAll
    static void stopTheLongJob() {
        if (trainingJobs != null && runningJob != null && !trainingJobs.find(runningJob).status().wireName().equals("cancelled")) {
            try {
                trainingJobs.cancel(runningJob);
            } catch (RuntimeException finished) {
                // it finished on its own
            }
        }
    }

    /** Every /v1 operation, with a request that changes something (writes) or reads something (reads). */
    private static List<Operation> operations() {
        String fact = "[{\"subject\":\"Intruder Kid\",\"relation\":\"mother\",\"object\":\"Intruder Mother\"}]";
        String question = "?q=" + URLEncoder.encode("Who is Tom Cruise's mother?", StandardCharsets.UTF_8);
        return List.of(
                new Operation("POST", "/v1/facts", "/v1/facts", "", "application/json", fact, 200, false),
                new Operation("POST", "/v1/facts/import", "/v1/facts/import", "", "text/tab-separated-values",
                        "Intruder Two\tmother\tIntruder Mother\n", 200, false),
                new Operation("POST", "/v1/import-profiles", "/v1/import-profiles", "", "application/json",
                        "{\"name\":\"intruder\",\"relations\":[],\"labels\":[],\"descriptions\":[],\"drop\":[]}", 201, false),
                new Operation("GET", "/v1/import-profiles", "/v1/import-profiles", "", null, null, 200, true),
                new Operation("GET", "/v1/import-profiles/{name}", "/v1/import-profiles/wikidata", "", null, null, 200, true),
                new Operation("GET", "/v1/queries", "/v1/queries", question, null, null, 200, true),
                new Operation("POST", "/v1/queries", "/v1/queries", "", "application/json",
                        "{\"question\":\"Who is Mary Lee Pfeiffer's son?\"}", 200, true),
                new Operation("POST", "/v1/queries/batch", "/v1/queries/batch", "", "application/json",
                        "{\"queries\":[{\"question\":\"Who is Tom Cruise's mother?\"}]}", 200, true),
                new Operation("GET", "/v1/entities/resolve", "/v1/entities/resolve", "?q=Tom%20Cruise", null, null, 200, true),
                new Operation("POST", "/v1/entities/aliases", "/v1/entities/aliases", "", "application/json",
                        "{\"entity\":\"Tom Cruise\",\"alias\":\"Intruder Alias\"}", 200, false),
                new Operation("GET", "/v1/lexicon", "/v1/lexicon", "", null, null, 200, true),
                new Operation("POST", "/v1/lexicon/relations", "/v1/lexicon/relations", "", "application/json",
                        "{\"name\":\"intruder\",\"phrases\":[\"intruder\"]}", 200, false),
                new Operation("POST", "/v1/lexicon/phrases", "/v1/lexicon/phrases", "", "application/json",
                        "{\"phrase\":\"intruding parent\",\"readings\":[{\"relation\":\"mother\"}]}", 200, false),
                new Operation("GET", "/v1/lexicon/phrases/{phrase}", "/v1/lexicon/phrases/mother", "", null, null, 200, true),
                new Operation("DELETE", "/v1/lexicon/phrases/{phrase}/readings/{id}", "/v1/lexicon/phrases/mum/readings/" + mumReading,
                        "", null, null, 200, false),
                new Operation("DELETE", "/v1/lexicon/phrases/{phrase}", "/v1/lexicon/phrases/mommy", "", null, null, 200, false),
                new Operation("DELETE", "/v1/lexicon/relations/{name}", "/v1/lexicon/relations/intruder", "", null, null, 200, false),
                new Operation("POST", "/v1/lexicon/restore-defaults", "/v1/lexicon/restore-defaults", "", null, null, 200, false),
                new Operation("POST", "/v1/training-jobs", "/v1/training-jobs", "", "application/json",
                        "{\"rank\":8,\"epochs\":1,\"activate\":\"never\"}", 202, false),
                new Operation("GET", "/v1/training-jobs", "/v1/training-jobs", "", null, null, 200, true),
                new Operation("GET", "/v1/training-jobs/{id}", "/v1/training-jobs/" + finishedJob, "", null, null, 200, true),
                new Operation("DELETE", "/v1/training-jobs/{id}", "/v1/training-jobs/" + runningJob, "", null, null, 202, false),
                new Operation("GET", "/v1/models", "/v1/models", "", null, null, 200, true),
                new Operation("POST", "/v1/models/{version}/activate", "/v1/models/" + version + "/activate", "", null, null,
                        200, false));
    }

    @Test
    @Order(1)
    void everyMappedApiOperationIsTried() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> patterns = info.getPathPatternsCondition() == null ? Set.of() : info.getPathPatternsCondition().getPatternValues();
            for (String pattern : patterns) {
                if (!pattern.startsWith("/v1")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as("%s is mapped for one method at a time", pattern).isNotEmpty();
                methods.forEach(m -> mapped.add(m.name() + " " + pattern));
            }
        }
        Set<String> tried = operations().stream().map(o -> o.method() + " " + o.pattern()).collect(Collectors.toCollection(TreeSet::new));

        assertThat(tried).as("add the new operation to AccessControlFullStackTest.operations()").isEqualTo(mapped);
    }

    @Test
    @Order(2)
    void belowWriteAccessNothingChangesThroughAnySpellingOfAnyPath() throws Exception {
        State before = state();
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        for (Operation operation : operations()) {
            for (Spelling spelling : SPELLINGS) {
                for (Credential credential : Credential.values()) {
                    int expected = expected(operation, spelling, credential);
                    if (expected / 100 == 2 && !operation.reads()) {
                        continue; // admitted writes: the next test
                    }
                    String target = spelling.spell().apply(operation.path()) + operation.query();
                    RawHttp.Response response = call(operation.method(), target, credential, operation.contentType(), operation.body());
                    requests++;
                    String what = operation.method() + " " + target + " with " + credential + " (" + spelling.name() + ")";
                    if (response.status() != expected) {
                        wrong.add(what + ": " + response.status() + ", expected " + expected + ": " + abbreviate(response.text()));
                    } else if (expected >= 400 && !isProblem(response, expected)) {
                        wrong.add(what + ": not a problem+json " + expected + ": " + response);
                    } else if (expected == 401 && !String.valueOf(response.header("WWW-Authenticate")).startsWith("Bearer")) {
                        wrong.add(what + ": 401 without WWW-Authenticate: Bearer");
                    }
                    State after = state();
                    if (!after.equals(before)) {
                        wrong.add(what + " CHANGED " + before.difference(after));
                        before = after;
                    }
                }
            }
        }
        assertThat(requests).isGreaterThan(2500);
        assertThat(wrong).as("wrong answers and changes").isEmpty();
    }

    @Test
    @Order(3)
    void writeAccessWritesThroughThePlainAndTheEncodedPath() throws Exception {
        startRunningJobIfItEnded();
        for (Operation operation : operations()) {
            if (operation.reads()) {
                continue;
            }
            Credential credential = operation.pattern().equals("/v1/facts") ? Credential.WRITE_JWT : Credential.WRITE_KEY_;
            String target = (operation.pattern().startsWith("/v1/facts") ? "/%76%31" + operation.path().substring(3) : operation.path())
                    + operation.query();
            State before = state();

            RawHttp.Response response = call(operation.method(), target, credential, operation.contentType(), operation.body());

            assertThat(response.status()).as(operation.method() + " " + target + ": " + response).isEqualTo(operation.okStatus());
            assertThat(state()).as("%s %s changes something", operation.method(), target).isNotEqualTo(before);
        }
        assertThat(serving.activeManifest().map(ModelManifest::version)).contains(version);
        // the job this test started, and the cancelled one, settle before the next tests compare states
        for (TrainingJob job : jobs.recent(100)) {
            awaitFinished(job.id());
        }
    }

    @Test
    @Order(4)
    void jwtsAreCheckedForSignatureExpiryAndScope() throws Exception {
        String facts = "[{\"subject\":\"Token Kid\",\"relation\":\"mother\",\"object\":\"Token Mother\"}]";
        State before = state();

        RawHttp.Response none = call("POST", "/v1/facts", Credential.NONE, "application/json", facts);
        RawHttp.Response expired = call("POST", "/v1/facts", Credential.EXPIRED_JWT, "application/json", facts);
        RawHttp.Response forged = call("POST", "/v1/facts", Credential.FORGED_JWT, "application/json", facts);
        RawHttp.Response reader = call("POST", "/v1/facts", Credential.READ_JWT, "application/json", facts);
        RawHttp.Response scopeless = call("GET", "/v1/lexicon", Credential.SCOPELESS_JWT, null, null);

        assertThat(isProblem(none, 401)).as(none.toString()).isTrue();
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"relata\"");
        assertThat(isProblem(expired, 401)).as(expired.toString()).isTrue();
        assertThat(expired.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(isProblem(forged, 401)).as(forged.toString()).isTrue();
        assertThat(isProblem(reader, 403)).as(reader.toString()).isTrue();
        assertThat(JSON.readTree(reader.body()).path("detail").asString()).contains("may read but not write");
        assertThat(isProblem(scopeless, 403)).as(scopeless.toString()).isTrue();
        assertThat(state()).isEqualTo(before);

        assertThat(call("GET", "/v1/lexicon", Credential.READ_JWT, null, null).status()).isEqualTo(200);
        RawHttp.Response writer = call("POST", "/v1/facts", Credential.WRITE_JWT, "application/json", facts);
        assertThat(writer.status()).as(writer.toString()).isEqualTo(200);
        assertThat(JSON.readTree(writer.body()).path("added").asInt()).isEqualTo(1);
    }

    @Test
    @Order(5)
    void aBodyOf200MegabytesIsRefusedUnreadThroughEverySpelling() throws Exception {
        long size = 200L * 1024 * 1024;
        long unread = 40L * 1024 * 1024; // socket buffers plus the 2 MB Tomcat reads to keep the connection: far below 200 MB
        State before = state();
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/v1/facts", "/v1/facts/import", "/v1/queries", "/v1/lexicon/phrases")) {
            for (Spelling spelling : SPELLINGS) {
                String target = spelling.spell().apply(path);
                boolean imports = path.equals("/v1/facts/import");
                String type = imports ? "text/tab-separated-values" : "application/json";
                for (boolean chunked : List.of(false, true)) {
                    // without a key: refused by the firewall or by access control, before the body is read
                    check(wrong, target + " without a key" + (chunked ? ", chunked" : ""), http.stream("POST", target,
                            Map.of("Content-Type", type), size, chunked), spelling.routing() == Routing.REFUSED ? 400 : 401, unread);
                    if (!imports) {
                        // with the write key: refused by the firewall, or over the body limit on every path (a chunked
                        // body without a route is never read: 404)
                        int status = switch (spelling.routing()) {
                            case REFUSED -> 400;
                            case ROUTED -> 413;
                            case UNROUTED -> chunked ? 404 : 413;
                        };
                        check(wrong, target + " with the write key" + (chunked ? ", chunked" : ""), http.stream("POST", target,
                                Map.of("Content-Type", type, "Authorization", "Bearer " + WRITE_KEY), size, chunked),
                                status, unread);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(state()).isEqualTo(before);
    }

    private static void check(List<String> wrong, String what, RawHttp.Streamed streamed, int status, long unread) {
        if (streamed.response().status() != status || !isProblem(streamed.response(), status)) {
            wrong.add(what + ": " + streamed.response() + ", expected " + status);
        } else if (streamed.bytesSent() >= unread) {
            wrong.add(what + ": the server took " + streamed.bytesSent() + " bytes before answering " + status);
        }
    }

    @Test
    @Order(6)
    void onlyHealthStatusAndTheApiDocumentationArePublic() throws Exception {
        RawHttp.Response health = call("GET", "/actuator/health", Credential.NONE, null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).has("components")).as(health.text()).isFalse();
        assertThat(call("GET", "/actuator/health/readiness", Credential.NONE, null, null).text()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(call("GET", "/actuator/health/liveness", Credential.NONE, null, null).text()).isEqualTo("{\"status\":\"UP\"}");
        JsonNode details = JSON.readTree(call("GET", "/actuator/health", Credential.READ_KEY_, null, null).body());
        assertThat(details.path("components").path("db").path("details").path("database").asString()).isEqualTo("H2");

        RawHttp.Response component = call("GET", "/actuator/health/db", Credential.NONE, null, null);
        assertThat(component.status()).isEqualTo(404);
        assertThat(component.text()).doesNotContain("H2");
        assertThat(call("GET", "/actuator/health/db", Credential.READ_KEY_, null, null).text()).contains("H2");

        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator",
                "/", "/favicon.ico", "/index.html")) {
            RawHttp.Response response = call("GET", path, Credential.NONE, null, null);
            assertThat(isProblem(response, 401)).as(path + ": " + response).isTrue();
        }
        assertThat(call("GET", "/actuator/prometheus", Credential.READ_KEY_, null, null).text()).contains("relata_");

        RawHttp.Response docs = call("GET", "/v3/api-docs", Credential.NONE, null, null);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode api = JSON.readTree(docs.body());
        assertThat(api.path("components").path("securitySchemes").path("bearer").path("scheme").asString()).isEqualTo("bearer");
        api.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                assertThat(operation.getValue().path("security").toString()).as(path.getKey() + " " + operation.getKey())
                        .isEqualTo("[{\"bearer\":[]}]")));
        assertThat(call("GET", "/swagger-ui/index.html", Credential.NONE, null, null).status()).isEqualTo(200);
        assertThat(call("OPTIONS", "/v1/facts", Credential.NONE, null, null).status()).isEqualTo(401);
        assertThat(call("OPTIONS", "/v1/facts", Credential.READ_KEY_, null, null).status()).isEqualTo(200);
        assertThat(call("HEAD", "/v1/lexicon", Credential.NONE, null, null).status()).isEqualTo(401);
        assertThat(call("TRACE", "/v1/lexicon", Credential.WRITE_KEY_, null, null).status()).isEqualTo(405); // Tomcat's own
        // parameter values are relata's input to check (naming the field), not the firewall's
        RawHttp.Response control = call("GET", "/v1/entities/resolve?q=Tom%01Cruise", Credential.READ_KEY_, null, null);
        assertThat(control.status()).as(control.toString()).isLessThan(500);
        assertThat(control.text()).doesNotContain("rejected-request");
    }

    // --- expectations

    /** The status the service must give this credential for this spelling of this operation. */
    private static int expected(Operation operation, Spelling spelling, Credential credential) {
        if (spelling.routing() == Routing.REFUSED) {
            return 400;
        }
        if (credential.level == Level.NONE) {
            return 401;
        }
        boolean routed = spelling.routing() == Routing.ROUTED;
        boolean readRequest = operation.method().equals("GET") || routed && operation.question();
        boolean admitted = credential.level == Level.WRITE || credential.level == Level.READ && readRequest;
        if (!admitted) {
            return 403;
        }
        return routed ? operation.okStatus() : 404;
    }

    private static boolean isProblem(RawHttp.Response response, int status) {
        if (response.status() != status || response.header("Content-Type") == null
                || !response.header("Content-Type").startsWith("application/problem+json")) {
            return false;
        }
        JsonNode problem = JSON.readTree(response.body());
        return problem.path("status").asInt() == status && problem.path("type").asString().startsWith(TYPE)
                && problem.path("instance").asString().startsWith("/");
    }

    // --- state

    /** What a request could change: rows of every table, the lexicon as served, the jobs, the active model. */
    record State(Map<String, Long> rows, String lexicon, Map<String, String> jobs, String activeModel) {

        String difference(State other) {
            Map<String, String> changes = new LinkedHashMap<>();
            rows.forEach((table, count) -> {
                if (!count.equals(other.rows.get(table))) {
                    changes.put(table, count + " -> " + other.rows.get(table));
                }
            });
            if (!lexicon.equals(other.lexicon)) {
                changes.put("lexicon", "changed");
            }
            if (!jobs.equals(other.jobs)) {
                changes.put("jobs", jobs + " -> " + other.jobs);
            }
            if (!String.valueOf(activeModel).equals(String.valueOf(other.activeModel))) {
                changes.put("active model", activeModel + " -> " + other.activeModel);
            }
            return changes.toString();
        }
    }

    private State state() {
        if (tables == null) {
            tables = jdbc.sql("select table_name from information_schema.tables where table_schema = 'public' "
                    + "and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'").query(String.class).list();
        }
        Map<String, Long> rows = new TreeMap<>();
        for (String table : tables) {
            rows.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        // a job's own ending (succeeded, failed) is not a request's doing; its creation and its cancellation are
        Map<String, String> jobStates = new TreeMap<>();
        for (TrainingJob job : jobs.recent(100)) {
            boolean cancelled = job.cancelRequested() || job.status().wireName().equals("cancelled");
            jobStates.put(job.id(), cancelled ? "cancelled" : "not cancelled");
        }
        return new State(rows, lexicon.relations() + " " + lexicon.phrases(), jobStates,
                serving.activeManifest().map(ModelManifest::version).orElse(null));
    }

    // --- helpers

    /** A job that runs until the write test cancels it: one fact per step, no validation for 10,000 epochs. */
    private void startRunningJob() throws Exception {
        RawHttp.Response response = call("POST", "/v1/training-jobs", Credential.WRITE_KEY_, "application/json",
                "{\"rank\":8,\"epochs\":10000,\"batchSize\":1,\"learningRate\":0.001,\"validateEvery\":10000,"
                        + "\"patience\":10000,\"activate\":\"never\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        runningJob = JSON.readTree(response.body()).path("id").asString();
        await(runningJob, job -> job.status().wireName().equals("running"));
    }

    /** The write test cancels a running job: if the one the fixture started has ended on its own, another. */
    private void startRunningJobIfItEnded() throws Exception {
        if (jobs.find(runningJob).status().finished()) {
            startRunningJob();
        }
    }

    private void awaitFinished(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!jobs.find(id).status().finished()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("job " + id + " did not finish within " + WAIT + ": " + jobs.find(id));
            }
            Thread.sleep(100);
        }
    }

    private RawHttp.Response call(String method, String target, Credential credential, String contentType, String body)
            throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        if (credential.authorization != null) {
            headers.put("Authorization", credential.authorization);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return http.send(method, target, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private TrainingJob await(String id, java.util.function.Predicate<TrainingJob> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            TrainingJob job = jobs.find(id);
            if (condition.test(job)) {
                return job;
            }
            assertThat(job.status().wireName()).as("job %s: %s", id, job.error()).isNotEqualTo("failed");
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not get there within " + WAIT + ": " + jobs.find(id));
    }

    /** Percent-encodes every character of every segment but periods (an encoded period is refused on its own). */
    private static String encodeEveryCharacter(String path) {
        StringBuilder encoded = new StringBuilder();
        for (char c : path.toCharArray()) {
            encoded.append(c == '/' || c == '.' ? String.valueOf(c) : String.format("%%%02X", (int) c));
        }
        return encoded.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
