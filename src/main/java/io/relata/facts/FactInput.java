package io.relata.facts;

import io.relata.InvalidInputException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** A fact as given: "subject's relation is object", in labels. */
public record FactInput(String subject, String relation, String object) {

    private static final List<String> FIELDS = List.of("subject", "relation", "object");

    /**
     * A fact from its JSON form, {"subject":…,"relation":…,"object":…}; a missing field is null (checked later), a field
     * of another type than string is refused rather than turned into text, and so is any other field, as in every
     * JSON body relata reads (see {@link io.relata.StrictJson}).
     */
    public static FactInput fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("expected a JSON object with subject, relation and object");
        }
        for (String name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new InvalidInputException("unknown field '" + name + "'; the fields are subject, relation, object");
            }
        }
        return new FactInput(text(node, "subject"), text(node, "relation"), text(node, "object"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidInputException(field + " must be a string");
        }
        return value.asString();
    }
}
