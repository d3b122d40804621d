package io.relata.web;

import io.relata.TextInput;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One element of the body of POST /v1/facts, for the OpenAPI description; the body itself is read strictly, element by
 * element, by {@link io.relata.facts.FactInput} (no other fields, texts checked), so that a bad element is named.
 */
@Schema(name = "Fact", description = "A fact, read as \"subject's relation is object\"; attributes are facts too; "
        + "each end is named by its label (subject, object), its key (subjectKey, objectKey) or both",
        requiredProperties = {"relation"})
record FactBody(
        @Schema(description = "The entity the fact is about", example = "Tom Cruise", maxLength = TextInput.LABEL_LENGTH) String subject,
        @Schema(description = "The relation (or attribute) name", example = "mother", maxLength = TextInput.LABEL_LENGTH) String relation,
        @Schema(description = "The related entity (or the attribute's value)", example = "Mary Lee Pfeiffer", maxLength = TextInput.LABEL_LENGTH)
                String object,
        @Schema(description = "The subject's key when its label alone does not say who is meant (an IRI, royal:I1); "
                + "with no subject, the entity of that key", maxLength = TextInput.KEY_LENGTH) String subjectKey,
        @Schema(description = "The object's key, as subjectKey", maxLength = TextInput.KEY_LENGTH) String objectKey) {}
