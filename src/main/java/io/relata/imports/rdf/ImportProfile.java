package io.relata.imports.rdf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * How an RDF import reads a source's predicates: which ones are relations and under what name and direction, which
 * ones are labels and descriptions beyond the ones every profile reads, and which ones are left out. A predicate the
 * profile does not name is read by the generic rules of {@link RdfImporter}.
 */
public record ImportProfile(String name, List<PredicateMapping> relations, List<String> labels, List<String> descriptions,
        List<String> drop) {

    /** A predicate read as the relation {@code relation}, in {@code direction}. */
    public record PredicateMapping(String predicate, String relation, MappingDirection direction) {

        public PredicateMapping {
            Objects.requireNonNull(predicate, "predicate");
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(direction, "direction");
        }
    }

    /** The names of the profiles relata ships. */
    public static final List<String> BUILT_IN = List.of(BuiltInProfiles.WIKIDATA, BuiltInProfiles.DBPEDIA, BuiltInProfiles.SCHEMA);

    public ImportProfile {
        Objects.requireNonNull(name, "name");
        relations = List.copyOf(relations);
        labels = List.copyOf(labels);
        descriptions = List.copyOf(descriptions);
        drop = List.copyOf(drop);
    }

    /** The profile relata ships under {@code name} (wikidata, dbpedia, schema); the default profile for null. */
    public static Optional<ImportProfile> builtIn(String name) {
        return BuiltInProfiles.named(name);
    }

    /**
     * A profile of one's own from its JSON form, {@code {"name":…, "relations":[{"predicate":…, "relation":…,
     * "direction":…}], "labels":[…], "descriptions":[…], "drop":[…]}}; an unknown field, a value of the wrong type, a
     * name that is not 1 to 64 of a-z, 0-9, _ and -, or that a built-in profile has, a predicate that is not an
     * absolute IRI or that is named twice is an {@link io.relata.InvalidInputException} naming the field.
     */
    public static ImportProfile fromJson(JsonNode body) {
        return ProfileJson.read(body);
    }

    /** The JSON form {@link #fromJson} reads. */
    public JsonNode toJson() {
        return ProfileJson.write(this);
    }
}
