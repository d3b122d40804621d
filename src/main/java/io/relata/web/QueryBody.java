package io.relata.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The body of POST /v1/queries: a question in words, or a structured query, with options. */
@Schema(description = "A question in words, or a structured query (entity, relation, direction); not both.")
record QueryBody(
        @Schema(description = "A question in English", example = "Who is Mary Lee Pfeiffer's son?") String question,
        @Schema(description = "The entity asked about (structured form)", example = "Mary Lee Pfeiffer") String entity,
        @Schema(description = "A relation name or lexicon phrase (structured form)", example = "mother") String relation,
        @Schema(description = "forward (asks the object), inverse (asks the subject) or symmetric; default forward",
                allowableValues = {"forward", "inverse", "symmetric"}) String direction,
        @Schema(description = "A yes/no question (structured form): is this entity an answer? The response then holds a "
                + "verification", example = "Tom Cruise") String candidate,
        @Schema(description = "Most answers returned; default relata.query.default-limit", minimum = "1") Integer limit,
        @Schema(description = "Answers below this confidence are left out; default relata.query.default-min-confidence "
                + "(by default only answers more likely true than not); 0 shows everything", minimum = "0",
                maximum = "1", example = "0.5") Double minConfidence,
        @ArraySchema(arraySchema = @Schema(description = "Sources to use; default all"),
                schema = @Schema(allowableValues = {"stated", "derived", "inferred"})) List<String> evidence) {}
