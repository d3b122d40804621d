package io.relata;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every relata setting, bound from {@code relata.*} (environment variables such as RELATA_HOME work too).
 *
 * @param home folder holding all state: the embedded database and the model registry
 * @param demo the demo knowledge set
 * @param ingest fact ingestion
 * @param query question answering
 * @param lexicon the relation lexicon
 * @param model the relation model
 * @param security access control of the /v1 API
 * @param role which part of relata this process runs: all (questions and the model in one process), api (questions,
 *     facts, lexicon and training jobs; the model answers from the model tier) or model (the model tier)
 * @param modelTier how an api process reaches the model tier
 */
@Validated
@ConfigurationProperties("relata")
public record RelataProperties(
        @NotNull @DefaultValue(RelataProperties.DEFAULT_HOME) Path home,
        @Valid @DefaultValue Demo demo,
        @Valid @DefaultValue Ingest ingest,
        @Valid @DefaultValue Query query,
        @Valid @DefaultValue Lexicon lexicon,
        @Valid @DefaultValue Model model,
        @Valid @DefaultValue Security security,
        @NotNull @DefaultValue("all") Role role,
        @Valid @DefaultValue ModelTier modelTier) {

    /** The parts of relata one process runs. */
    public enum Role {
        /** Everything in one process, the model included. */
        ALL,
        /** Questions, facts, lexicon and the training-job API; the model tier answers for the model. */
        API,
        /** The model tier: the Open Inference Protocol endpoints, the model registry and the training worker. */
        MODEL;

        /** Whether the relation model, its registry and training run in this process. */
        public boolean holdsModel() {
            return this != API;
        }
    }

    /** Where state lives when relata.home (RELATA_HOME) is not set. */
    public static final String DEFAULT_HOME = "./relata-data";

    /**
     * The demo knowledge set loaded into an empty store.
     *
     * @param enabled load the demo families when the store holds no facts
     */
    public record Demo(
            @DefaultValue("true") boolean enabled) {}

    /**
     * Limits and batching of fact ingestion.
     *
     * @param batchSize facts written per transaction during an import
     * @param maxFactsPerRequest most facts accepted by one POST /v1/facts (more is 413)
     * @param maxReportedRejections most per-line rejections listed in an import response (all are counted)
     * @param maxLabelLength longest entity label or relation name, in characters
     */
    public record Ingest(
            @Min(1) @Max(100_000) @DefaultValue("1000") int batchSize,
            @Min(1) @DefaultValue("10000") int maxFactsPerRequest,
            @Min(0) @DefaultValue("1000") int maxReportedRejections,
            @Min(1) @Max(TextInput.LABEL_LENGTH) @DefaultValue("500") int maxLabelLength) {}

    /**
     * Limits and defaults of question answering.
     *
     * @param defaultLimit answers returned when a query gives no limit
     * @param maxLimit largest limit a query may ask for
     * @param maxQuestionLength longest question, in characters (longer is 413)
     * @param maxBatchSize most queries in one POST /v1/queries/batch (more is 413)
     * @param maxBodyBytes largest JSON body accepted by the fact and query endpoints (larger is 413)
     * @param maxConcurrent queries answered at once; more wait up to queueTimeout, then get 503
     * @param queueTimeout how long a query waits for a free slot
     * @param maxCandidates how many close labels an unknown-entity problem lists
     * @param fuzzyThreshold similarity in [0.5,1] a fuzzy label match needs to be taken without asking
     * @param defaultMinConfidence answers below this confidence are left out when a query gives no minConfidence
     * @param maxFanOut most entities a reading may reach on its way to the answers (more is a 422)
     * @param timeout longest time one question may take (longer is a 503)
     */
    public record Query(
            @Min(1) @DefaultValue("10") int defaultLimit,
            @Min(1) @DefaultValue("1000") int maxLimit,
            @Min(10) @DefaultValue("1000") int maxQuestionLength,
            @Min(1) @DefaultValue("100") int maxBatchSize,
            @Min(1024) @DefaultValue("10485760") long maxBodyBytes,
            @Min(1) @DefaultValue("64") int maxConcurrent,
            @NotNull @DefaultValue("2s") Duration queueTimeout,
            @Min(1) @DefaultValue("5") int maxCandidates,
            @DecimalMin("0.5") @DecimalMax("1.0") @DefaultValue("0.8") double fuzzyThreshold,
            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.5") double defaultMinConfidence,
            @Min(1) @DefaultValue("10000") int maxFanOut,
            @NotNull @DefaultValue("5s") Duration timeout) {}

    /**
     * The relation lexicon cache.
     *
     * @param refreshInterval how often a replica re-reads phrases that another replica may have added
     * @param paraphrases reading relation phrases the lexicon does not hold as ones it does
     */
    public record Lexicon(
            @NotNull @DefaultValue("10s") Duration refreshInterval,
            @Valid @DefaultValue Paraphrases paraphrases) {}

    /**
     * Paraphrase matching: a relation phrase outside the lexicon is read as a known one when it is written another way,
     * misspelt, or close in meaning by a sentence-embedding model (all-MiniLM-L6-v2, in process). Threshold and margin
     * were measured on a list of paraphrases (docs/benchmarks.md, "Paraphrase matching").
     *
     * @param enabled match phrases outside the lexicon at all (the model loads in the background at start)
     * @param threshold cosine similarity in [0,1] a phrase needs to its nearest known phrase to be read as it
     * @param margin how much closer that phrase must be than the nearest phrase with other readings
     * @param cacheSize phrase embeddings kept in memory (0 keeps none)
     */
    public record Paraphrases(
            @DefaultValue("true") boolean enabled,
            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.75") double threshold,
            @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.03") double margin,
            @Min(0) @Max(1_000_000) @DefaultValue("4096") int cacheSize) {}

    /**
     * The relation model.
     *
     * @param required when true, readiness waits for a loaded model; when false relata answers from stated facts
     *     alone until one is loaded, and says so in every answer
     * @param device where the model runs: auto (a GPU when DJL sees one, else the CPU), cpu, or gpu (refuse to start
     *     without one)
     * @param scoringBatchSize most queries scored in one pass of the model
     * @param scoringBatchDelay how long the scorer waits for more queries to fill a pass
     * @param scoringQueueCapacity queries waiting to be scored before further ones get 503
     * @param trainOnFirstStart when the store has facts but the registry no model, train one at start (in the background)
     * @param refreshInterval how often a replica checks the shared registry for a version activated by another replica
     * @param threads libtorch's intra-op threads; 0: half the processors the JVM may use, at least one (the rest serve
     *     requests); read once at start, before the engine starts
     */
    public record Model(
            @DefaultValue("false") boolean required,
            @NotNull @DefaultValue(Model.DEFAULT_DEVICE) String device,
            @Min(1) @Max(4096) @DefaultValue("64") int scoringBatchSize,
            @NotNull @DefaultValue("2ms") Duration scoringBatchDelay,
            @Min(1) @DefaultValue("4096") int scoringQueueCapacity,
            @DefaultValue("true") boolean trainOnFirstStart,
            @NotNull @DefaultValue("30s") Duration refreshInterval,
            @Min(0) @DefaultValue("0") int threads) {

        /** The device when none is configured, also for the command line's evaluate, which runs without Spring. */
        public static final String DEFAULT_DEVICE = "auto";
    }

    /**
     * How an api process calls the model tier over the Open Inference Protocol: one infer call per batch of concurrent
     * questions, each call with a timeout, retried once on a failure to connect while the retry budget allows, behind a
     * circuit breaker that answers "unavailable" at once while the tier keeps failing.
     *
     * @param url the model tier's base URL (http://host:port); required with relata.role=api
     * @param apiKey bearer token sent to a model tier that has relata.security.enabled (a read key of that tier)
     * @param connectTimeout longest wait for a connection to the model tier
     * @param timeout longest wait for one infer call; a question then answers from stated facts
     * @param batchWindow how long a question's model call waits for others to share an infer call while one is in flight
     * @param maxBatch most rows (entity, relation, direction) in one infer call
     * @param maxInFlight infer calls in flight at once from this process
     * @param retryAttempts tries per infer call on a connection failure or a busy tier (1 = no retry)
     * @param retryBudget retries per second this process may make in all; past it a failure is not retried
     * @param failureRateThreshold percentage of failed (or slow) calls that opens the circuit breaker
     * @param slowCallDuration a call slower than this counts as slow for the circuit breaker
     * @param slidingWindowSize calls the circuit breaker judges the failure rate over
     * @param minimumCalls calls needed before the circuit breaker judges at all
     * @param openDuration how long an open circuit answers "unavailable" before letting trial calls through
     * @param halfOpenCalls trial calls that decide whether an open circuit closes again
     * @param statusInterval how often the model tier's metadata (active version, device) is read
     */
    public record ModelTier(
            java.net.URI url,
            String apiKey,
            @NotNull @DefaultValue("1s") Duration connectTimeout,
            @NotNull @DefaultValue("2s") Duration timeout,
            @NotNull @DefaultValue("1ms") Duration batchWindow,
            @Min(1) @Max(4096) @DefaultValue("64") int maxBatch,
            @Min(1) @Max(256) @DefaultValue("16") int maxInFlight,
            @Min(1) @Max(5) @DefaultValue("2") int retryAttempts,
            @Min(0) @DefaultValue("10") int retryBudget,
            @DecimalMin("1") @DecimalMax("100") @DefaultValue("50") float failureRateThreshold,
            @NotNull @DefaultValue("1s") Duration slowCallDuration,
            @Min(1) @DefaultValue("20") int slidingWindowSize,
            @Min(1) @DefaultValue("10") int minimumCalls,
            @NotNull @DefaultValue("5s") Duration openDuration,
            @Min(1) @DefaultValue("3") int halfOpenCalls,
            @NotNull @DefaultValue("5s") Duration statusInterval) {}

    /**
     * Access control of the API: bearer tokens that are API keys (one list that may read: ask questions, list; one
     * that may also write: facts, lexicon, training, activation) or JWTs from the issuer configured by
     * {@code spring.security.oauth2.resourceserver.jwt.*}. Off on the embedded default.
     *
     * @param enabled require a bearer token on every request but the health probes and the API documentation
     * @param readKeys API keys that may read (RFC 6750 token characters: letters, digits and -._~+/ with trailing =)
     * @param writeKeys API keys that may read and write
     * @param jwt how a JWT's authorities grant read and write
     */
    public record Security(
            @DefaultValue("false") boolean enabled,
            @DefaultValue List<String> readKeys,
            @DefaultValue List<String> writeKeys,
            @Valid @DefaultValue JwtGrants jwt) {

        @ConstructorBinding
        public Security {}

        /** API keys only, with the default JWT grants. */
        public Security(boolean enabled, List<String> readKeys, List<String> writeKeys) {
            this(enabled, readKeys, writeKeys, new JwtGrants(List.of("SCOPE_relata.read"), List.of("SCOPE_relata.write")));
        }
    }

    /**
     * Which authorities of a JWT grant read and write. A JWT's authorities are its scopes as {@code SCOPE_<scope>}, or
     * what {@code spring.security.oauth2.resourceserver.jwt.authorities-claim-name} and {@code authority-prefix} make of
     * another claim (roles, for instance).
     *
     * @param readAuthorities any of these grants read
     * @param writeAuthorities any of these grants read and write
     */
    public record JwtGrants(
            @DefaultValue("SCOPE_relata.read") List<String> readAuthorities,
            @DefaultValue("SCOPE_relata.write") List<String> writeAuthorities) {}
}
