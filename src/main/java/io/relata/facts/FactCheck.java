package io.relata.facts;

import io.relata.InvalidInputException;
import io.relata.TextInput;

/** Checks a fact before it is stored and gives it the form it is stored in; a refusal names the field. */
final class FactCheck {

    private FactCheck() {}

    /**
     * The fact as stored: labels cleaned (see {@link Labels#clean}), the relation stripped but otherwise as given.
     *
     * @throws InvalidInputException naming the field that is missing, blank, too long or holds a refused character
     */
    static FactInput checked(FactInput fact, int maxLength) {
        return new FactInput(
                label("subject", fact.subject(), maxLength),
                TextInput.check("relation", fact.relation(), maxLength),
                label("object", fact.object(), maxLength));
    }

    /** An entity label or alias as stored. */
    static String label(String field, String value, int maxLength) {
        return Labels.clean(TextInput.check(field, value, maxLength));
    }
}
