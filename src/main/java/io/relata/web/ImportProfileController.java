package io.relata.web;

import io.relata.imports.ImportProfiles;
import io.relata.imports.UnknownImportProfileException;
import io.relata.imports.rdf.ImportProfile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Import profiles: how an RDF vocabulary maps to relations, built in (wikidata, dbpedia, schema) or a team's own. */
@RestController
@Tag(name = "Import profiles", description = "Map an RDF vocabulary to relations, labels and descriptions for imports")
class ImportProfileController {

    private final ImportProfiles profiles;

    ImportProfileController(ImportProfiles profiles) {
        this.profiles = profiles;
    }

    record ProfileList(List<String> builtIn, List<String> posted) {}

    @GetMapping("/v1/import-profiles")
    @Operation(operationId = "listImportProfiles", summary = "The built-in and the posted import profiles, by name")
    ProfileList list() {
        return new ProfileList(ImportProfile.BUILT_IN, profiles.posted());
    }

    @GetMapping("/v1/import-profiles/{name}")
    @Operation(operationId = "getImportProfile", summary = "One import profile as JSON")
    ImportProfileBody get(@PathVariable String name) {
        return profiles.find(name).map(ImportProfileBody::of).orElseThrow(() -> new UnknownImportProfileException(name));
    }

    @PostMapping("/v1/import-profiles")
    @Operation(operationId = "saveImportProfile", summary = "Post a profile of one's own, then import with ?profile=NAME",
            description = "relations: which predicate is which relation in which direction (inverse stores (A p B) as "
                    + "the fact (B relation A)); labels and descriptions: properties that hold them; drop: predicates "
                    + "to skip. A profile of the same name is replaced; the built-in names cannot be taken.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = ImportProfileBody.class), examples = @ExampleObject(name = "FHKB family ontology", value = """
                            {"name": "fhkb",
                             "relations": [
                               {"predicate": "http://www.example.com/genealogy.owl#isMotherOf", "relation": "mother", "direction": "inverse"},
                               {"predicate": "http://www.example.com/genealogy.owl#isFatherOf", "relation": "father", "direction": "inverse"},
                               {"predicate": "http://www.example.com/genealogy.owl#isSiblingOf", "relation": "sibling", "direction": "symmetric"}],
                             "labels": ["http://www.w3.org/2000/01/rdf-schema#label"],
                             "descriptions": [],
                             "drop": ["http://www.example.com/genealogy.owl#isBloodrelationOf"]}"""))))
    ResponseEntity<ImportProfileBody> save(@RequestBody JsonNode body) {
        ImportProfile profile = ImportProfile.fromJson(body);
        boolean created = profiles.save(profile);
        return created
                ? ResponseEntity.created(URI.create("/v1/import-profiles/" + profile.name())).body(ImportProfileBody.of(profile))
                : ResponseEntity.ok(ImportProfileBody.of(profile));
    }
}
