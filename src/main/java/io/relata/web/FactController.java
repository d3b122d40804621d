package io.relata.web;

import io.relata.InvalidInputException;
import io.relata.TextInput;
import io.relata.facts.FactFormat;
import io.relata.facts.FactIngestor;
import io.relata.facts.FactInput;
import io.relata.facts.HeaderLine;
import io.relata.facts.ImportSummary;
import io.relata.facts.IngestSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Facts in: a JSON array (all or nothing), or a streamed TSV, CSV or NDJSON file (bad lines reported). */
@RestController
@Tag(name = "Facts", description = "Add facts: \"subject's relation is object\"; entities are created on first mention")
class FactController {

    private static final String SOURCE_PATTERN = "[A-Za-z0-9._:/-]{1," + TextInput.SOURCE_LENGTH + "}";

    private final FactIngestor ingestor;

    FactController(FactIngestor ingestor) {
        this.ingestor = ingestor;
    }

    @PostMapping("/v1/facts")
    @Operation(operationId = "addFacts", summary = "Add facts", description = "Idempotent: a fact already stored is counted as a duplicate. "
            + "One malformed element rejects the whole request and nothing is stored.")
    IngestSummary add(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            array = @ArraySchema(schema = @Schema(implementation = FactBody.class)), examples = @ExampleObject(
            name = "a new family, stated one way", value = """
                    [{"subject":"Ada Quill","relation":"mother","object":"Mira Quill"},
                     {"subject":"Ada Quill","relation":"gender","object":"female"}]"""))) @RequestBody JsonNode body,
            @RequestParam(defaultValue = "api") String source) {
        if (body == null || !body.isArray()) {
            throw new InvalidInputException("the body must be a JSON array of facts");
        }
        List<FactInput> facts = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            try {
                facts.add(FactInput.fromJson(body.get(i)));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("element " + i + ": " + e.getMessage());
            }
        }
        return ingestor.ingest(facts, checkedSource(source));
    }

    @PostMapping(path = "/v1/facts/import", consumes = {"text/tab-separated-values", "text/csv", "application/x-ndjson"})
    @Operation(operationId = "importFacts", summary = "Import a file of facts",
            description = "TSV (subject, relation, object; a first line subject<TAB>relation<TAB>object, in any case, "
                    + "is taken as a header), CSV by RFC 4180 (header subject,relation,object; quoted fields may hold "
                    + "commas, quotes and line breaks) or NDJSON (one fact object a line, no other fields). The media "
                    + "type's header parameter declares the header: header=present or header=absent. UTF-8 only. "
                    + "Streamed and committed in batches; malformed records are listed by the line they start on and "
                    + "the rest is stored.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "text/tab-separated-values", schema = @Schema(type = "string"), examples = @ExampleObject(
                            name = "TSV with a bad line",
                            value = "Ada Quill\tfather\tOwen Quill\nthis line has no tabs\nOwen Quill\tgender\tmale\n")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"), examples = @ExampleObject(
                            name = "CSV", value = "subject,relation,object\nAda Quill,father,Owen Quill\n")),
                    @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string"), examples = @ExampleObject(
                            name = "NDJSON", value = "{\"subject\":\"Ada Quill\",\"relation\":\"father\",\"object\":\"Owen Quill\"}\n"))
            }))
    ImportSummary importFile(HttpServletRequest request, @RequestParam(defaultValue = "import") String source) throws IOException {
        FactFormat format = FactFormat.ofContentType(request.getContentType())
                .orElseThrow(() -> new InvalidInputException("unsupported content type " + request.getContentType()));
        return ingestor.importFile(request.getInputStream(), format, HeaderLine.ofContentType(request.getContentType()),
                checkedSource(source));
    }

    private static String checkedSource(String source) {
        if (!source.matches(SOURCE_PATTERN)) {
            throw new InvalidInputException("source must be 1-" + TextInput.SOURCE_LENGTH + " letters, digits or ._:/-");
        }
        return source;
    }
}
