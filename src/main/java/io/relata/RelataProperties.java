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
 */
@Validated
@ConfigurationProperties("relata")
public record RelataProperties(
        @NotNull @DefaultValue("./relata-data") Path home,
        @Valid @DefaultValue Demo demo,
        @Valid @DefaultValue Ingest ingest,
        @Valid @DefaultValue Query query,
        @Valid @DefaultValue Lexicon lexicon,
        @Valid @DefaultValue Model model,
        @Valid @DefaultValue Security security) {

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
            @Min(1) @Max(500) @DefaultValue("500") int maxLabelLength) {}

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
            @DecimalMin("0.5") @DecimalMax("1.0") @DefaultValue("0.8") double fuzzyThreshold) {}

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
     */
    public record Model(
            @DefaultValue("false") boolean required,
            @NotNull @DefaultValue("auto") String device,
            @Min(1) @Max(4096) @DefaultValue("64") int scoringBatchSize,
            @NotNull @DefaultValue("2ms") Duration scoringBatchDelay,
            @Min(1) @DefaultValue("4096") int scoringQueueCapacity,
            @DefaultValue("true") boolean trainOnFirstStart,
            @NotNull @DefaultValue("30s") Duration refreshInterval) {}

    /**
     * Access control of the /v1 API: bearer API keys, one list that may read (ask questions, list) and one that may
     * also write (facts, lexicon, training, activation). Off on the embedded default.
     *
     * @param enabled require a key on every /v1 request
     * @param readKeys keys that may read
     * @param writeKeys keys that may read and write
     */
    public record Security(
            @DefaultValue("false") boolean enabled,
            @DefaultValue List<String> readKeys,
            @DefaultValue List<String> writeKeys) {}
}
