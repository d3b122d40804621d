package io.relata.web;

import io.relata.InvalidInputException;
import io.relata.TextInput;
import io.relata.facts.FactFormat;
import io.relata.facts.FactIngestor;
import io.relata.facts.FactInput;
import io.relata.facts.HeaderLine;
import io.relata.facts.ImportSummary;
import io.relata.facts.IngestSummary;
import io.relata.imports.Gzip;
import io.relata.imports.ImportOptions;
import io.relata.imports.KnowledgeFormat;
import io.relata.imports.KnowledgeImporter;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Facts in: a JSON array (all or nothing), or a streamed file of facts, RDF or GEDCOM (bad records reported). */
@RestController
@Tag(name = "Facts", description = "Add facts: \"subject's relation is object\"; entities are created on first mention")
class FactController {

    private static final String SOURCE_PATTERN = "[A-Za-z0-9._:/-]{1," + TextInput.SOURCE_LENGTH + "}";

    private final FactIngestor ingestor;
    private final KnowledgeImporter importer;

    FactController(FactIngestor ingestor, KnowledgeImporter importer) {
        this.ingestor = ingestor;
        this.importer = importer;
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

    @PostMapping(path = "/v1/facts/import", consumes = {"text/tab-separated-values", "text/csv", "application/x-ndjson",
        "application/n-triples", "application/n-quads", "text/turtle", "application/rdf+xml",
        KnowledgeFormat.GEDCOM_TYPE, KnowledgeFormat.GEDCOM_FAMILYSEARCH_TYPE})
    @Operation(operationId = "importFacts", summary = "Import a file of facts, an RDF graph or a GEDCOM family tree",
            description = "relata's own formats: TSV (subject, relation, object; a first line subject<TAB>relation<TAB>"
                    + "object, in any case, is taken as a header), CSV by RFC 4180 (header subject,relation,object) or "
                    + "NDJSON (one fact object a line, subjectKey and objectKey allowed), UTF-8 only; the media type's "
                    + "header parameter declares the header: header=present or header=absent. RDF: N-Triples, N-Quads, "
                    + "Turtle, RDF/XML; every IRI is an entity keyed by the IRI and labelled by rdfs:label, "
                    + "skos:prefLabel, schema:name or foaf:name in the language asked (lang), else by its local name; "
                    + "profile maps a vocabulary (wikidata, dbpedia, schema, or one posted to /v1/import-profiles). "
                    + "GEDCOM 5.5, 5.5.1 and 7.0 in any of its character sets; source is then required and prefixes "
                    + "every key (royal:I1). Any format may be sent with Content-Encoding: gzip. Streamed and committed "
                    + "in batches of whole records; a malformed record is listed by the line it starts on and the rest "
                    + "is stored. Importing the same file again adds nothing (docs/ingestion.md).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "text/tab-separated-values", schema = @Schema(type = "string"), examples = @ExampleObject(
                            name = "TSV with a bad line",
                            value = "Ada Quill\tfather\tOwen Quill\nthis line has no tabs\nOwen Quill\tgender\tmale\n")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"), examples = @ExampleObject(
                            name = "CSV", value = "subject,relation,object\nAda Quill,father,Owen Quill\n")),
                    @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string"), examples = @ExampleObject(
                            name = "NDJSON", value = "{\"subject\":\"Ada Quill\",\"relation\":\"father\",\"object\":\"Owen Quill\"}\n")),
                    @Content(mediaType = "application/n-triples", schema = @Schema(type = "string"), examples = @ExampleObject(
                            name = "Wikidata-style N-Triples (profile=wikidata)", value = """
                                    <http://www.wikidata.org/entity/Q9682> <http://www.w3.org/2000/01/rdf-schema#label> "Elizabeth II"@en .
                                    <http://www.wikidata.org/entity/Q9682> <http://www.w3.org/2000/01/rdf-schema#label> "エリザベス2世"@ja .
                                    <http://www.wikidata.org/entity/Q9682> <http://www.wikidata.org/prop/direct/P25> <http://www.wikidata.org/entity/Q10633> .
                                    <http://www.wikidata.org/entity/Q10633> <http://www.w3.org/2000/01/rdf-schema#label> "Queen Elizabeth The Queen Mother"@en .
                                    """)),
                    @Content(mediaType = "text/turtle", schema = @Schema(type = "string"), examples = @ExampleObject(
                            name = "Turtle with a declared converse", value = """
                                    @prefix ex: <http://example.org/> .
                                    @prefix owl: <http://www.w3.org/2002/07/owl#> .
                                    ex:hasMother owl:inverseOf ex:isMotherOf .
                                    ex:ada ex:hasMother ex:mira .
                                    """)),
                    @Content(mediaType = "application/rdf+xml", schema = @Schema(type = "string")),
                    @Content(mediaType = "application/n-quads", schema = @Schema(type = "string")),
                    @Content(mediaType = KnowledgeFormat.GEDCOM_TYPE, schema = @Schema(type = "string"), examples = @ExampleObject(
                            name = "GEDCOM (source=royal)", value = """
                                    0 HEAD
                                    1 CHAR UTF-8
                                    0 @I1@ INDI
                                    1 NAME Victoria /Hanover/
                                    1 SEX F
                                    1 TITL Queen of the United Kingdom
                                    1 BIRT
                                    2 DATE 24 MAY 1819
                                    0 @I2@ INDI
                                    1 NAME Victoria Adelaide Mary Louisa /Saxe-Coburg/
                                    1 SEX F
                                    0 @F1@ FAM
                                    1 WIFE @I1@
                                    1 CHIL @I2@
                                    0 TRLR
                                    """)),
                    @Content(mediaType = KnowledgeFormat.GEDCOM_FAMILYSEARCH_TYPE, schema = @Schema(type = "string"))
            }))
    ImportSummary importFile(HttpServletRequest request,
            @Parameter(description = "Where the facts came from; for GEDCOM the prefix of every key (royal → royal:I1), required")
            @RequestParam(required = false) String source,
            @Parameter(description = "RDF: the profile that maps the vocabulary: wikidata, dbpedia, schema or a posted one")
            @RequestParam(required = false) String profile,
            @Parameter(description = "RDF: the language labels are taken in (default en)")
            @RequestParam(required = false) String lang) throws IOException {
        String contentType = request.getContentType();
        boolean gzip = gzipped(request.getHeader("Content-Encoding"));
        Optional<FactFormat> own = FactFormat.ofContentType(contentType);
        if (own.isPresent()) {
            return ingestor.importFile(Gzip.decoded(request.getInputStream(), gzip), own.get(),
                    HeaderLine.ofContentType(contentType),
                    checkedSource(source == null ? "import" : source));
        }
        KnowledgeFormat format = KnowledgeFormat.ofContentType(contentType)
                .orElseThrow(() -> new InvalidInputException("unsupported content type " + contentType));
        return importer.importFile(request.getInputStream(), format,
                new ImportOptions(source == null ? null : checkedSource(source), profile, lang, gzip));
    }

    /** Whether the body is gzip-compressed; an encoding relata cannot decode is refused. */
    private static boolean gzipped(String encoding) {
        if (encoding == null || encoding.isBlank() || encoding.strip().equalsIgnoreCase("identity")) {
            return false;
        }
        if (encoding.strip().equalsIgnoreCase("gzip") || encoding.strip().equalsIgnoreCase("x-gzip")) {
            return true;
        }
        throw new InvalidInputException("Content-Encoding " + encoding + " is not supported; send gzip or no encoding");
    }

    private static String checkedSource(String source) {
        if (!source.matches(SOURCE_PATTERN)) {
            throw new InvalidInputException("source must be 1-" + TextInput.SOURCE_LENGTH + " letters, digits or ._:/-");
        }
        return source;
    }
}
