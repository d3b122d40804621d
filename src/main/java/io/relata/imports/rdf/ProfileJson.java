package io.relata.imports.rdf;

import io.relata.InvalidInputException;
import io.relata.TextInput;
import io.relata.facts.Labels;
import io.relata.imports.rdf.ImportProfile.PredicateMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A profile's JSON form, read as strictly as every JSON body relata reads (see {@link io.relata.StrictJson}). */
final class ProfileJson {

    private static final List<String> FIELDS = List.of("name", "relations", "labels", "descriptions", "drop");
    private static final List<String> MAPPING_FIELDS = List.of("predicate", "relation", "direction");
    private static final int MAX_NAME_LENGTH = 64;
    /** An IRI longer than this is no predicate anyone writes by hand, and would bloat every profile listing. */
    private static final int MAX_IRI_LENGTH = 2000;

    private ProfileJson() {}

    static ImportProfile read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("expected a JSON object with name, relations, labels, descriptions and drop");
        }
        unknownFields(body, FIELDS, "");
        String name = name(body.get("name"));
        Map<String, String> fieldOfPredicate = new HashMap<>();
        List<PredicateMapping> relations = new ArrayList<>();
        List<JsonNode> mappings = array(body, "relations");
        for (int i = 0; i < mappings.size(); i++) {
            relations.add(mapping(mappings.get(i), "relations[" + i + "]", fieldOfPredicate));
        }
        return new ImportProfile(name, relations, iris(body, "labels", fieldOfPredicate),
                iris(body, "descriptions", fieldOfPredicate), iris(body, "drop", fieldOfPredicate));
    }

    static JsonNode write(ImportProfile profile) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", profile.name());
        ArrayNode relations = json.putArray("relations");
        for (PredicateMapping mapping : profile.relations()) {
            relations.addObject()
                    .put("predicate", mapping.predicate())
                    .put("relation", mapping.relation())
                    .put("direction", mapping.direction().jsonName());
        }
        profile.labels().forEach(json.putArray("labels")::add);
        profile.descriptions().forEach(json.putArray("descriptions")::add);
        profile.drop().forEach(json.putArray("drop")::add);
        return json;
    }

    private static String name(JsonNode value) {
        String name = string(value, "name");
        if (name == null) {
            throw new InvalidInputException("name is missing");
        }
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || !isNameText(name)) {
            throw new InvalidInputException("name must be 1 to " + MAX_NAME_LENGTH + " characters of a-z, 0-9, _ and -");
        }
        if (BuiltInProfiles.isReserved(name)) {
            throw new InvalidInputException("name '" + name + "' is a built-in profile's");
        }
        return name;
    }

    private static boolean isNameText(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static PredicateMapping mapping(JsonNode node, String field, Map<String, String> fieldOfPredicate) {
        if (!node.isObject()) {
            throw new InvalidInputException(field + " must be an object with predicate, relation and direction");
        }
        unknownFields(node, MAPPING_FIELDS, field + ".");
        String predicate = iri(node.get("predicate"), field + ".predicate", fieldOfPredicate);
        String relationField = field + ".relation";
        String relation = Labels.clean(TextInput.check(relationField, string(node.get("relation"), relationField),
                TextInput.LABEL_LENGTH));
        String directionName = string(node.get("direction"), field + ".direction");
        // A mapping that says no direction reads the triple as written, the way the generic rules do.
        MappingDirection direction = directionName == null ? MappingDirection.FORWARD
                : MappingDirection.ofJsonName(directionName).orElseThrow(() -> new InvalidInputException(
                        field + ".direction must be forward, inverse or symmetric"));
        return new PredicateMapping(predicate, relation, direction);
    }

    private static List<String> iris(JsonNode body, String field, Map<String, String> fieldOfPredicate) {
        List<JsonNode> values = array(body, field);
        List<String> iris = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            iris.add(iri(values.get(i), field + "[" + i + "]", fieldOfPredicate));
        }
        return iris;
    }

    private static String iri(JsonNode value, String field, Map<String, String> fieldOfPredicate) {
        String text = string(value, field);
        if (text == null) {
            throw new InvalidInputException(field + " is missing");
        }
        if (text.length() > MAX_IRI_LENGTH) {
            throw new InvalidInputException(field + " is longer than " + MAX_IRI_LENGTH + " characters");
        }
        try {
            if (IRIx.create(text).isRelative()) {
                throw new InvalidInputException(field + " must be an absolute IRI, not '" + text + "'");
            }
        } catch (IRIException notAnIri) {
            throw new InvalidInputException(field + " must be an absolute IRI: " + notAnIri.getMessage());
        }
        // One reading a predicate: mapped and dropped, or a label and a description, would leave the import guessing.
        String earlier = fieldOfPredicate.putIfAbsent(text, field);
        if (earlier != null) {
            throw new InvalidInputException(field + " names " + text + ", which " + earlier + " names already");
        }
        return text;
    }

    private static List<JsonNode> array(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidInputException(field + " must be an array");
        }
        return List.copyOf(value.values());
    }

    private static String string(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidInputException(field + " must be a string");
        }
        return value.asString();
    }

    private static void unknownFields(JsonNode node, List<String> fields, String prefix) {
        for (String name : node.propertyNames()) {
            if (!fields.contains(name)) {
                throw new InvalidInputException("unknown field '" + prefix + name + "'; the fields are "
                        + String.join(", ", fields));
            }
        }
    }
}
