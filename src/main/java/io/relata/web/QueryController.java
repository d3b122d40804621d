package io.relata.web;

import io.relata.InvalidInputException;
import io.relata.RelataProperties;
import io.relata.TextInput;
import io.relata.TooLargeException;
import io.relata.lexicon.Direction;
import io.relata.query.Evidence;
import io.relata.query.QueryRequest;
import io.relata.query.QueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Questions in both directions: one at a time (GET or POST) or in a batch. */
@RestController
@Tag(name = "Questions", description = "Ask who stands in a relation to an entity, forward or inverse")
class QueryController {

    private final QueryService queries;
    private final RelataProperties.Query settings;

    QueryController(QueryService queries, RelataProperties properties) {
        this.queries = queries;
        this.settings = properties.query();
    }

    @GetMapping("/v1/queries")
    @Operation(operationId = "askQuestion", summary = "Answer a question in words",
            description = "Forward: \"Who is Tom Cruise's mother?\". Inverse: \"Who is Mary Lee Pfeiffer's son?\", "
                    + "\"Whose mother is Mary Lee Pfeiffer?\".")
    QueryResponse ask(
            @Parameter(description = "The question", example = "Who is Tom Cruise's mother?") @RequestParam("q") String question,
            @Parameter(description = "Most answers returned (default: relata.query.default-limit)", schema = @Schema(type = "integer", format = "int32", minimum = "1"))
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "Answers below this confidence are left out (default: relata.query.default-min-confidence; "
                    + "0 shows everything)", schema = @Schema(type = "number", format = "double", minimum = "0", maximum = "1"))
            @RequestParam(required = false) Double minConfidence,
            @Parameter(description = "Sources to use (default: all)", array = @ArraySchema(schema = @Schema(type = "string",
                    allowableValues = {"stated", "derived", "inferred"})))
            @RequestParam(required = false) List<String> evidence) {
        return QueryResponse.of(queries.answer(request(new QueryBody(question, null, null, null, null, limit, minConfidence, evidence), "q")));
    }

    @PostMapping("/v1/queries")
    @Operation(operationId = "askQuery", summary = "Answer a question in words or a structured query")
    QueryResponse ask(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
            @ExampleObject(name = "forward question", value = "{\"question\":\"Who is Tom Cruise's mother?\"}"),
            @ExampleObject(name = "inverse question", value = "{\"question\":\"Who is Mary Lee Pfeiffer's son?\"}"),
            @ExampleObject(name = "whose question", value = "{\"question\":\"Whose mother is Mary Lee Pfeiffer?\"}"),
            @ExampleObject(name = "structured inverse query",
                    value = "{\"entity\":\"Mary Lee Pfeiffer\",\"relation\":\"mother\",\"direction\":\"inverse\"}"),
            @ExampleObject(name = "composed reading", value = "{\"question\":\"Who are the grandchildren of Elizabeth II?\",\"limit\":20}")
    })) @RequestBody QueryBody body) {
        if (body == null) {
            throw new InvalidInputException("the body needs a question, or an entity and a relation");
        }
        return QueryResponse.of(queries.answer(request(body, "")));
    }

    /** The batch body: queries answered in order. */
    record BatchBody(List<QueryBody> queries) {}

    /** One batch result: the answer, or the problem that query met. */
    record BatchItem(@Schema(description = "The status the query would have had on its own", example = "200") int status,
            QueryResponse result, @Schema(implementation = ProblemDocument.class) ProblemDetail problem) {}

    record BatchResponse(List<BatchItem> results) {}

    @PostMapping("/v1/queries/batch")
    @Operation(operationId = "askBatch", summary = "Answer several queries in one call",
            description = "Answered in order; a query that fails carries its problem and does not fail the others.")
    BatchResponse batch(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples =
            @ExampleObject(name = "both directions", value = "{\"queries\":[{\"question\":\"Who is Tom Cruise's mother?\"},"
                    + "{\"question\":\"Whose mother is Mary Lee Pfeiffer?\"},{\"question\":\"Who is Nobody's mother?\"}]}")))
            @RequestBody BatchBody body, HttpServletRequest http) {
        if (body == null || body.queries() == null) {
            throw new InvalidInputException("the body needs a 'queries' array");
        }
        if (body.queries().size() > settings.maxBatchSize()) {
            throw new TooLargeException(body.queries().size() + " queries in one batch; at most " + settings.maxBatchSize());
        }
        List<BatchItem> results = new ArrayList<>();
        for (int i = 0; i < body.queries().size(); i++) {
            try {
                QueryBody query = body.queries().get(i);
                if (query == null) {
                    throw new InvalidInputException("query " + i + " is null");
                }
                results.add(new BatchItem(200, QueryResponse.of(queries.answer(request(query, "queries[" + i + "]."))), null));
            } catch (RuntimeException e) {
                ProblemDetail problem = Problems.describe(e, http.getRequestURI());
                results.add(new BatchItem(problem.getStatus(), null, problem));
            }
        }
        return new BatchResponse(results);
    }

    /**
     * The query with every text checked (see {@link TextInput}); {@code field} is how the client wrote the question
     * field: "q" for GET, "" for a POST body, "queries[i]." in a batch.
     */
    private QueryRequest request(QueryBody body, String field) {
        int limit = body.limit() == null ? settings.defaultLimit() : body.limit();
        if (limit > settings.maxLimit()) {
            throw new InvalidInputException("limit must be at most " + settings.maxLimit());
        }
        String questionField = field.equals("q") ? "q" : field + "question";
        String prefix = field.equals("q") ? "" : field;
        if (body.question() != null && body.question().length() > settings.maxQuestionLength()) {
            throw new TooLargeException("the question has " + body.question().length() + " characters; at most "
                    + settings.maxQuestionLength() + " are read");
        }
        return new QueryRequest(
                TextInput.checkOptional(questionField, body.question(), settings.maxQuestionLength()),
                TextInput.checkOptional(prefix + "entity", body.entity(), TextInput.LABEL_LENGTH),
                TextInput.checkOptional(prefix + "relation", body.relation(), TextInput.LABEL_LENGTH),
                direction(body.direction()),
                TextInput.checkOptional(prefix + "candidate", body.candidate(), TextInput.LABEL_LENGTH), limit,
                body.minConfidence() == null ? settings.defaultMinConfidence() : body.minConfidence(), evidence(body.evidence()));
    }

    private static Direction direction(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Direction.fromWire(value.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    private static Set<Evidence> evidence(List<String> values) {
        if (values == null) {
            return EnumSet.allOf(Evidence.class);
        }
        Set<Evidence> evidence = EnumSet.noneOf(Evidence.class);
        for (String value : values) {
            try {
                evidence.add(Evidence.valueOf(value.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidInputException("evidence must be 'stated', 'derived' or 'inferred'; was '" + value + "'");
            }
        }
        return evidence;
    }
}
