package io.relata.web;

import io.relata.imports.rdf.ImportProfile;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An import profile as the API shows it, for the OpenAPI description and responses; a posted body is read strictly by
 * {@link ImportProfile#fromJson}, which names a bad field.
 */
@Schema(name = "ImportProfile", description = "How an RDF vocabulary maps to relations, labels and descriptions",
        requiredProperties = {"name"})
record ImportProfileBody(
        @Schema(description = "1-64 of a-z, 0-9, _ and -; not wikidata, dbpedia, schema or default", example = "fhkb") String name,
        @Schema(description = "Which predicate is which relation, in which direction") List<Mapping> relations,
        @Schema(description = "Properties that hold labels, beyond rdfs:label, skos:prefLabel, schema:name, foaf:name")
                List<String> labels,
        @Schema(description = "Properties that hold descriptions, beyond schema:description") List<String> descriptions,
        @Schema(description = "Predicates to skip") List<String> drop) {

    /** One predicate read as a relation. */
    @Schema(name = "PredicateMapping", requiredProperties = {"predicate", "relation"})
    record Mapping(@Schema(example = "http://www.example.com/genealogy.owl#isMotherOf") String predicate,
            @Schema(example = "mother") String relation,
            @Schema(description = "forward: (A p B) is the fact (A relation B); inverse: the fact (B relation A); "
                    + "symmetric: forward, and the relation holds both ways",
                    allowableValues = {"forward", "inverse", "symmetric"}, example = "inverse") String direction) {}

    static ImportProfileBody of(ImportProfile profile) {
        return new ImportProfileBody(profile.name(),
                profile.relations().stream()
                        .map(m -> new Mapping(m.predicate(), m.relation(), m.direction().jsonName())).toList(),
                profile.labels(), profile.descriptions(), profile.drop());
    }
}
