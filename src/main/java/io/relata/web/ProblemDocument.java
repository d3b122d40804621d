package io.relata.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The shape of an RFC 9457 problem as relata writes it, for the OpenAPI description (the wire form of ProblemDetail). */
@Schema(name = "Problem", description = "An RFC 9457 problem (application/problem+json): a stable type, the status, what "
        + "went wrong and the request path; some types add members (docs/problems.md)")
record ProblemDocument(
        @Schema(description = "The problem type, https://relata.io/problems/ followed by its name",
                example = "https://relata.io/problems/unknown-entity") URI type,
        @Schema(example = "Unknown entity") String title,
        @Schema(example = "404") int status,
        @Schema(description = "What went wrong, for people", example = "no entity is called 'Tom Cruse'") String detail,
        @Schema(description = "The request path", example = "/v1/queries") URI instance,
        @Schema(description = "unknown-entity, ambiguous-entity: the mention as asked") String mention,
        @Schema(description = "unknown-entity, ambiguous-entity: close labels") List<QueryResponse.EntityView> candidates,
        @Schema(description = "question-not-understood: the entity and relation that were read") Map<String, String> understood,
        @Schema(description = "question-not-understood: known phrases close to the one asked") List<String> nearestPhrases,
        @Schema(description = "training-job-finished: how the job finished",
                allowableValues = {"succeeded", "failed", "cancelled"}) String jobStatus,
        @Schema(description = "import-interrupted: every line up to this one is stored") Long committedLines) {}
