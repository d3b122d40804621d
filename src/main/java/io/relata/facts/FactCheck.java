package io.relata.facts;

import java.util.Optional;

/** Says what is wrong with a fact before it is stored, in words a user can act on. */
final class FactCheck {

    private FactCheck() {}

    static Optional<String> problem(FactInput fact, int maxLength) {
        return field("subject", fact.subject(), maxLength)
                .or(() -> field("relation", fact.relation(), maxLength))
                // A relation is stored stripped but not cleaned (see FactIngestor), so its inner white space counts.
                .or(() -> fact.relation().strip().length() > maxLength
                        ? Optional.of("relation is longer than " + maxLength + " characters")
                        : Optional.empty())
                .or(() -> field("object", fact.object(), maxLength));
    }

    static Optional<String> field(String name, String value, int maxLength) {
        if (value == null) {
            return Optional.of(name + " is missing");
        }
        if (value.isBlank()) {
            return Optional.of(name + " is blank");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
            return Optional.of(name + " contains control characters");
        }
        if (value.indexOf('\t') >= 0) {
            return Optional.of(name + " contains a tab");
        }
        if (Labels.clean(value).length() > maxLength) {
            return Optional.of(name + " is longer than " + maxLength + " characters");
        }
        return Optional.empty();
    }
}
