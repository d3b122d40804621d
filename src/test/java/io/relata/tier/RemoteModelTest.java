package io.relata.tier;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.relata.RelataProperties;
import io.relata.model.LinkQuery;
import io.relata.model.ModelStatus;
import io.relata.model.Prediction;
import io.relata.model.RelationModel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The api side of the model tier against a fake tier on loopback: version pinning through the versioned infer path,
 * and what a down, slow, failing or busy tier does to a question (it answers without the model, within bounded time).
 */
class RemoteModelTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Generous: a loaded CI machine must not turn a healthy call into a timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private HttpServer server;
    private final AtomicReference<String> active = new AtomicReference<>("v1");
    /** The paths of the infer calls the fake tier received. */
    private final List<String> inferPaths = Collections.synchronizedList(new ArrayList<>());
    /** Statuses the next infer calls answer with (200 when empty). */
    private final List<Integer> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger delayMillis = new AtomicInteger();
    private RemoteModel model;
    private TierClient client;

    @BeforeEach
    void startTier() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/models/relata", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterEach
    void stop() {
        if (model != null) {
            model.shutdown();
        }
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] request = exchange.getRequestBody().readAllBytes();
        byte[] body;
        int status = 200;
        if (exchange.getRequestMethod().equals("GET")) {
            body = JSON.writeValueAsBytes(new Oip.ModelMetadata("relata", List.of(active.get()), Oip.PLATFORM, Oip.INPUTS,
                    Oip.OUTPUTS, Map.of("active_version", active.get(), "device", "cpu")));
        } else {
            inferPaths.add(path);
            sleep(delayMillis.get());
            Integer failure = failures.isEmpty() ? null : failures.remove(0);
            if (failure != null) {
                status = failure;
                body = "{\"error\":\"failing on purpose\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                InferCodec.Decoded decoded = InferCodec.decodeRequest(JSON.readTree(request));
                String version = path.contains("/versions/") ? path.split("/")[5] : active.get();
                List<RowResult> results = decoded.rows().stream()
                        .map(r -> new RowResult(List.of(new Prediction(r.entity() * 10, 0.75)), r.entity() < 100)).toList();
                body = JSON.writeValueAsBytes(InferCodec.response(version, "cpu", decoded.id(), results, null));
            }
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        // the JDK's HttpServer can take a second to read the next request on a kept-alive connection
        exchange.getResponseHeaders().add("Connection", "close");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RemoteModel connect(int retryAttempts, int minimumCalls) {
        return connect(retryAttempts, minimumCalls, TIMEOUT);
    }

    private RemoteModel connect(int retryAttempts, int minimumCalls, Duration timeout) {
        RelataProperties.ModelTier settings = new RelataProperties.ModelTier(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), null, Duration.ofSeconds(1), timeout,
                Duration.ofMillis(1), 64, 4, retryAttempts, 10, 50, Duration.ofSeconds(5), 10, minimumCalls,
                Duration.ofSeconds(30), 1, Duration.ofMinutes(10));
        RelataProperties properties = new RelataProperties(java.nio.file.Path.of("."), null, null, null, null, null, null,
                RelataProperties.Role.API, settings);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        client = new TierClient(properties, meters);
        model = new RemoteModel(client, properties, meters);
        model.refresh();
        return model;
    }

    private static LinkQuery query(long entity) {
        return new LinkQuery(entity, "mother", true, Set.of(1L, 2L));
    }

    @Test
    void aQuestionKeepsTheVersionItStartedWithWhileTheTierSwitches() {
        connect(1, 10);
        try (RelationModel.ModelSession question = model.open()) {
            assertThat(question.status()).isEqualTo(ModelStatus.remote("v1", "cpu"));
            question.predict(List.of(query(3)), 5);

            active.set("v2");
            model.refresh();
            List<List<Prediction>> later = question.predict(List.of(query(4)), 5);

            assertThat(later).containsExactly(List.of(new Prediction(40, 0.75)));
            assertThat(question.status().version()).isEqualTo("v1");
        }
        try (RelationModel.ModelSession next = model.open()) {
            next.predict(List.of(query(5)), 5);
            assertThat(next.status().version()).isEqualTo("v2");
        }
        assertThat(inferPaths).containsExactly("/v2/models/relata/versions/v1/infer", "/v2/models/relata/versions/v1/infer",
                "/v2/models/relata/versions/v2/infer");
    }

    @Test
    void whetherTheModelKnowsAnEntityIsAskedOnceAndRemembered() {
        connect(1, 10);
        try (RelationModel.ModelSession question = model.open()) {
            question.predict(List.of(query(3)), 5);

            assertThat(question.knowsEntity(3)).isTrue();
            assertThat(question.knowsEntity(500)).isFalse();
            assertThat(question.knowsEntity(500)).isFalse();
        }
        assertThat(inferPaths).hasSize(2);
    }

    @Test
    void aTierThatIsDownLeavesTheQuestionWithoutTheModelAtOnce() {
        connect(2, 10);
        server.stop(0);

        long started = System.nanoTime();
        try (RelationModel.ModelSession question = model.open()) {
            assertThat(question.predict(List.of(query(3)), 5)).containsExactly(List.of());
            assertThat(question.status().state()).isEqualTo(ModelStatus.State.UNAVAILABLE);
            assertThat(question.status().tier()).isEqualTo(ModelStatus.REMOTE);
            // later calls of the same question do not try again
            assertThat(question.predict(List.of(query(4)), 5)).containsExactly(List.of());
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

        model.refresh();
        assertThat(model.status().state()).as("the tier's metadata cannot be read either").isEqualTo(ModelStatus.State.UNAVAILABLE);
    }

    @Test
    void aSlowTierIsCutOffAtTheTimeout() {
        Duration timeout = Duration.ofMillis(1500);
        connect(2, 10, timeout);
        delayMillis.set(10_000);

        long started = System.nanoTime();
        try (RelationModel.ModelSession question = model.open()) {
            assertThat(question.predict(List.of(query(3)), 5)).containsExactly(List.of());
            assertThat(question.status().state()).isEqualTo(ModelStatus.State.UNAVAILABLE);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("one try: a timeout is not retried")
                .isLessThan(timeout.multipliedBy(2));
        assertThat(inferPaths).hasSize(1);
    }

    @Test
    void aBusyTierIsTriedAgainOnce() {
        connect(2, 10);
        failures.add(503);

        try (RelationModel.ModelSession question = model.open()) {
            assertThat(question.predict(List.of(query(3)), 5)).containsExactly(List.of(new Prediction(30, 0.75)));
            assertThat(question.status().loaded()).isTrue();
        }
        assertThat(inferPaths).hasSize(2);
    }

    @Test
    void aRequestTheTierRefusesIsNotRetried() {
        connect(2, 10);
        failures.add(404);

        try (RelationModel.ModelSession question = model.open()) {
            assertThat(question.predict(List.of(query(3)), 5)).containsExactly(List.of());
        }
        assertThat(inferPaths).hasSize(1);
    }

    @Test
    void failingCallsOpenTheCircuitAndThenQuestionsDoNotCallTheTier() {
        connect(1, 4);
        for (int i = 0; i < 4; i++) {
            failures.add(500);
        }
        for (int i = 0; i < 4; i++) {
            try (RelationModel.ModelSession question = model.open()) {
                question.predict(List.of(query(3)), 5);
            }
        }

        assertThat(model.status().state()).isEqualTo(ModelStatus.State.UNAVAILABLE);
        try (RelationModel.ModelSession question = model.open()) {
            assertThat(question.status().state()).isEqualTo(ModelStatus.State.UNAVAILABLE);
            assertThat(question.predict(List.of(query(3)), 5)).containsExactly(List.of());
        }
        assertThat(inferPaths).as("the open circuit answers without calling").hasSize(4);
    }
}
