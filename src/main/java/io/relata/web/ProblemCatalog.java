package io.relata.web;

import java.util.List;
import java.util.Map;

/**
 * The problem types relata answers with (docs/problems.md describes each), and which of them each operation of the
 * API may answer, for the OpenAPI description: every error response names its types and shows one example of each.
 */
final class ProblemCatalog {

    /** A problem type: its name after {@link Problems#TYPE_BASE}, its status, title, and an example's detail and path. */
    record Type(String name, int status, String title, String example, String examplePath) {}

    static final List<Type> TYPES = List.of(
            new Type("invalid-request", 400, Problems.INVALID_REQUEST, "limit must be at most 1000", "/v1/queries"),
            new Type("rejected-request", 400, "Request rejected", "the URL or a header holds what relata does not accept",
                    "/v1/queries"),
            new Type("unauthorized", 401, "Unauthorized", "this API needs a bearer token: Authorization: Bearer <API key or JWT>",
                    "/v1/queries"),
            new Type("forbidden", 403, "Forbidden", "this API key or token may read but not write", "/v1/facts"),
            new Type("unknown-entity", 404, "Unknown entity", "no entity is called 'Tom Cruse'", "/v1/queries"),
            new Type("ambiguous-entity", 404, "Ambiguous entity", "'John Smith' fits several entities", "/v1/queries"),
            new Type("unknown-model", 404, "Unknown model version", "no model version v20260105-100012-3fa1b2c4",
                    "/v1/models/v20260105-100012-3fa1b2c4/activate"),
            new Type("unknown-training-job", 404, "Unknown training job", "no training job 5f0c6a52-8d7e-4c1e-9a51-2b8f3f0d9c11",
                    "/v1/training-jobs/5f0c6a52-8d7e-4c1e-9a51-2b8f3f0d9c11"),
            new Type("unknown-relation", 404, "Unknown relation", "the lexicon has no relation 'born'",
                    "/v1/lexicon/relations/born"),
            new Type("unknown-phrase", 404, "Unknown phrase", "the lexicon has no phrase 'mum'",
                    "/v1/lexicon/phrases/mum"),
            new Type("unknown-import-profile", 404, "Unknown import profile", "no import profile 'fhkb'",
                    "/v1/import-profiles/fhkb"),
            new Type("unknown-reading", 404, "Unknown reading", "the phrase 'mother' has no reading 17",
                    "/v1/lexicon/phrases/mother/readings/17"),
            new Type("damaged-model", 409, "Damaged model", "model v20260105-100012-3fa1b2c4 is damaged: the checksum of "
                    + "parameters.ndlist differs from the manifest; the active model keeps answering",
                    "/v1/models/v20260105-100012-3fa1b2c4/activate"),
            new Type("training-job-finished", 409, "Training job already finished", "training job 5f0c6a52 has already succeeded",
                    "/v1/training-jobs/5f0c6a52-8d7e-4c1e-9a51-2b8f3f0d9c11"),
            new Type("relation-in-use", 409, "Lexicon change refused", "stored facts name the relation 'mother'",
                    "/v1/lexicon/relations/mother"),
            new Type("lexicon-limit", 409, "Lexicon change refused", "the lexicon holds at most 10000 phrases",
                    "/v1/lexicon/phrases"),
            new Type("too-large", 413, "Request too large", "the question has 1200 characters; at most 1000 are read",
                    "/v1/queries"),
            new Type("unsupported-media-type", 415, "Unsupported Media Type", "Content-Type 'text/plain' is not supported",
                    "/v1/facts/import"),
            new Type("question-not-understood", 422, "Question not understood", "unknown relation phrase 'favourite cousin'",
                    "/v1/queries"),
            new Type("question-too-broad", 422, "Question too broad", "the reading reaches more than 10000 entities",
                    "/v1/queries"),
            new Type("internal", 500, "Internal error", "relata failed to answer; the error is logged", "/v1/queries"),
            new Type("not-ready", 503, "Not ready", "relata is starting", "/v1/queries"),
            new Type("overloaded", 503, "Overloaded", "too many questions at once; retry shortly", "/v1/queries"),
            new Type("model-unavailable", 503, "Model tier unavailable", "the model tier did not answer within 2s; "
                    + "only the model can answer this question", "/v1/queries"),
            new Type("question-timeout", 503, "Question timed out", "the question took longer than 5s", "/v1/queries"),
            new Type("import-interrupted", 503, "Import interrupted", "the store failed during the import; lines up to 4000 "
                    + "are stored, resend the file (stored facts count as duplicates)", "/v1/facts/import"));

    /** What any /v1 operation may answer: a bad request, no or too little access, not ready, a bug. */
    static final List<String> EVERY_OPERATION = List.of("invalid-request", "rejected-request", "unauthorized", "forbidden",
            "internal", "not-ready");

    private static final List<String> QUESTION = List.of("unknown-entity", "ambiguous-entity", "question-not-understood",
            "question-too-broad", "too-large", "overloaded", "question-timeout", "model-unavailable");

    /** Beyond {@link #EVERY_OPERATION}, by operation id. */
    static final Map<String, List<String>> BY_OPERATION = Map.ofEntries(
            Map.entry("askQuestion", QUESTION),
            Map.entry("askQuery", QUESTION),
            Map.entry("askBatch", List.of("too-large")),
            Map.entry("addFacts", List.of("too-large", "unsupported-media-type")),
            Map.entry("importFacts", List.of("unsupported-media-type", "import-interrupted")),
            Map.entry("getImportProfile", List.of("unknown-import-profile")),
            Map.entry("saveImportProfile", List.of("too-large")),
            Map.entry("resolveEntity", List.of("unknown-entity", "ambiguous-entity")),
            Map.entry("addAlias", List.of("unknown-entity", "ambiguous-entity")),
            Map.entry("declareRelation", List.of("too-large", "lexicon-limit")),
            Map.entry("addPhrase", List.of("too-large", "lexicon-limit")),
            Map.entry("getPhrase", List.of("unknown-phrase")),
            Map.entry("deletePhrase", List.of("unknown-phrase")),
            Map.entry("deleteReading", List.of("unknown-phrase", "unknown-reading")),
            Map.entry("deleteRelation", List.of("unknown-relation", "relation-in-use")),
            Map.entry("getTrainingJob", List.of("unknown-training-job")),
            Map.entry("cancelTrainingJob", List.of("unknown-training-job", "training-job-finished")),
            Map.entry("listModels", List.of("model-unavailable")),
            Map.entry("activateModel", List.of("unknown-model", "damaged-model", "model-unavailable")));

    private ProblemCatalog() {}

    static Type type(String name) {
        return TYPES.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no problem type " + name));
    }
}
