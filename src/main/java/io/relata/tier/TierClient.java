package io.relata.tier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.relata.ForRoles;
import io.relata.RelataProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The api tier's HTTP client of the model tier. Infer calls run behind a Resilience4j circuit breaker (it opens when
 * too many calls fail or are slow, and answers at once while open) inside a retry (a failure to connect or a busy tier is
 * tried again, while the retry budget, a rate limiter on retries, allows); each call has a timeout. A timeout is not
 * retried: a slow tier would only get slower. Measured: latency per outcome, retries, and the circuit's state.
 */
@Component
@ForRoles(RelataProperties.Role.API)
class TierClient {

    static final String BREAKER = "model-tier";
    /** Activating a version loads it on the model tier, which takes seconds for a large table. */
    private static final Duration FORWARD_TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final Duration timeout;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final JsonMapper json = JsonMapper.builder().build();
    private final MeterRegistry meters;
    private final Counter retries;

    TierClient(RelataProperties properties, MeterRegistry meters) {
        RelataProperties.ModelTier tier = properties.modelTier();
        if (tier.url() == null) {
            throw new IllegalStateException("relata.role=api needs relata.model-tier.url, the model tier's base URL");
        }
        this.base = URI.create(tier.url().toString().replaceAll("/+$", "") + "/");
        this.authorization = tier.apiKey() == null || tier.apiKey().isBlank() ? null : "Bearer " + tier.apiKey();
        this.timeout = tier.timeout();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(tier.connectTimeout()).build();
        this.meters = meters;
        this.breaker = CircuitBreaker.of(BREAKER, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(tier.slidingWindowSize())
                .minimumNumberOfCalls(tier.minimumCalls())
                .failureRateThreshold(tier.failureRateThreshold())
                .slowCallRateThreshold(tier.failureRateThreshold())
                .slowCallDurationThreshold(tier.slowCallDuration())
                .waitDurationInOpenState(tier.openDuration())
                .permittedNumberOfCallsInHalfOpenState(tier.halfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                // a request the tier refuses (4xx) says nothing about the tier's health
                .ignoreException(e -> e instanceof TierException t && t.refused())
                .build());
        RateLimiter budget = tier.retryBudget() == 0 ? null : RateLimiter.of(BREAKER + "-retries", RateLimiterConfig.custom()
                .limitForPeriod(tier.retryBudget())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
        this.retries = Counter.builder("relata.tier.client.retries").description("infer calls to the model tier tried again")
                .register(meters);
        this.retry = Retry.of(BREAKER, RetryConfig.custom()
                .maxAttempts(budget == null ? 1 : tier.retryAttempts())
                .waitDuration(Duration.ofMillis(20))
                .retryOnException(e -> e instanceof TierException t && t.retryable() && budget != null && budget.acquirePermission())
                .failAfterMaxAttempts(false)
                .build());
        retry.getEventPublisher().onRetry(event -> retries.increment());
        for (CircuitBreaker.State state : List.of(CircuitBreaker.State.CLOSED, CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN)) {
            Gauge.builder("relata.tier.client.circuit", breaker, b -> b.getState() == state ? 1 : 0)
                    .description("the circuit breaker in front of the model tier: 1 for its current state")
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .register(meters);
        }
    }

    /** What an infer call returned: the version that answered, its device, one result per row. */
    record Inferred(String version, String device, List<RowResult> results) {}

    /** What the model tier's metadata says: the active version (null: none) and the device. */
    record TierState(String activeVersion, String device) {}

    CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    /** Infers the rows on {@code version}: through the retry and the circuit breaker, measured by outcome. */
    Inferred infer(String version, List<InferRow> rows) {
        long started = System.nanoTime();
        String outcome = "error";
        try {
            CheckedSupplier<Inferred> call = CircuitBreaker.decorateCheckedSupplier(breaker, () -> send(version, rows));
            Inferred inferred = Retry.decorateCheckedSupplier(retry, call).get();
            outcome = "success";
            return inferred;
        } catch (CallNotPermittedException e) {
            outcome = "circuit_open";
            throw new TierException("the model tier's circuit breaker is open", 0, false, e);
        } catch (TierException e) {
            outcome = e.refused() ? "refused" : e.getCause() instanceof HttpTimeoutException ? "timeout" : "error";
            throw e;
        } catch (Throwable e) {
            throw new TierException("calling the model tier failed: " + e, 0, false, e);
        } finally {
            Timer.builder("relata.tier.client.requests")
                    .description("infer calls to the model tier and their latency, by outcome")
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private Inferred send(String version, List<InferRow> rows) {
        String path = "v2/models/" + Oip.MODEL + (version == null ? "" : "/versions/" + encode(version)) + "/infer";
        byte[] body = json.writeValueAsBytes(InferCodec.request(null, rows));
        HttpResponse<byte[]> response = exchange(HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json"));
        JsonNode answer = json.readTree(response.body());
        String answered = answer.path("model_version").asString(null);
        if (version != null && !version.equals(answered)) {
            throw new TierException("the model tier answered with version " + answered + " instead of " + version, 0, false, null);
        }
        return new Inferred(answered, answer.path("parameters").path(Oip.DEVICE).asString(null),
                InferCodec.decodeResponse(answer, rows.size()));
    }

    /** The model tier's metadata, read directly (not through the circuit breaker: it is how the tier is found again). */
    TierState state() {
        HttpResponse<byte[]> response = exchange(HttpRequest.newBuilder(base.resolve("v2/models/" + Oip.MODEL)).GET());
        JsonNode metadata = json.readTree(response.body());
        JsonNode properties = metadata.path("properties");
        return new TierState(properties.path("active_version").asString(null), properties.path(Oip.DEVICE).asString(null));
    }

    /** A /v1 request to the model tier, answered as it answers (model listing and activation). */
    HttpResponse<byte[]> forward(String method, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.replaceFirst("^/", "")))
                .method(method, HttpRequest.BodyPublishers.noBody());
        return send(request, FORWARD_TIMEOUT, true);
    }

    private HttpResponse<byte[]> exchange(HttpRequest.Builder request) {
        return send(request, timeout, false);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, Duration timeout, boolean anyStatus) {
        request.timeout(timeout).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new TierException("the model tier did not answer within " + timeout.toMillis() + " ms", 0, false, e);
        } catch (IOException e) {
            throw new TierException("the model tier cannot be reached: " + e, 0, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TierException("interrupted while calling the model tier", 0, false, e);
        }
        int status = response.statusCode();
        if (anyStatus || status == 200) {
            return response;
        }
        throw new TierException("the model tier answered " + status + ": " + errorOf(response.body()), status, status == 503, null);
    }

    private String errorOf(byte[] body) {
        try {
            return json.readTree(body).path("error").asString(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        }
    }

    private static String encode(String segment) {
        return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
