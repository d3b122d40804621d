package io.relata.facts;

import io.relata.InvalidInputException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A fact as given: "subject's relation is object", its ends named by label, or by key ({@code subjectKey},
 * {@code objectKey}: an IRI, {@code royal:I1}) when the label alone would not say which entity is meant. A key with
 * no label names an entity already stored, or a new one labelled by its key.
 */
public record FactInput(String subject, String relation, String object, String subjectKey, String objectKey) {

    private static final List<String> FIELDS = List.of("subject", "relation", "object", "subjectKey", "objectKey");

    /** A fact whose ends are named by label, as most are. */
    public FactInput(String subject, String relation, String object) {
        this(subject, relation, object, null, null);
    }

    /**
     * A fact from its JSON form, {"subject":…,"relation":…,"object":…} with optional subjectKey and objectKey; a
     * missing field is null (checked later), a field of another type than string is refused rather than turned into
     * text, and so is any other field, as in every JSON body relata reads (see {@link io.relata.StrictJson}).
     */
    public static FactInput fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("expected a JSON object with subject, relation and object");
        }
        for (String name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw new InvalidInputException("unknown field '" + name
                        + "'; the fields are subject, relation, object, subjectKey, objectKey");
            }
        }
        return new FactInput(text(node, "subject"), text(node, "relation"), text(node, "object"),
                text(node, "subjectKey"), text(node, "objectKey"));
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
