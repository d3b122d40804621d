package io.relata.query;

import io.relata.facts.FactGraph;
import io.relata.lexicon.AnswerFilter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a filter against stated attributes: a stated value satisfies or violates it. Where the attribute is not
 * stated, the model's guess of it weighs the answer (status guessed); without a guess the filter is unknown and weighs
 * the answer by the attribute's base rate among entities that have it stated, Laplace-smoothed ((k + 1) / (n + 2)).
 */
final class FilterCheck {

    /** The outcome for one entity: its status and the factor its confidence is multiplied by. */
    record Outcome(FilterStatus status, double weight) {
        static final Outcome NONE = new Outcome(FilterStatus.NONE, 1.0);
    }

    /** The model's probability that an entity's attribute has the value, for the entities it can say something about. */
    @FunctionalInterface
    interface AttributeGuess {
        Map<Long, Double> probabilities(String attribute, String value, Collection<Long> entities);

        AttributeGuess NONE = (attribute, value, entities) -> Map.of();
    }

    private FilterCheck() {}

    static Map<Long, Outcome> check(FactGraph facts, AnswerFilter filter, Collection<Long> entities) {
        return check(facts, filter, entities, AttributeGuess.NONE);
    }

    static Map<Long, Outcome> check(FactGraph facts, AnswerFilter filter, Collection<Long> entities, AttributeGuess guess) {
        Map<Long, Set<String>> values = facts.attributeValues(entities, filter.attribute());
        String wanted = filter.value().toLowerCase(Locale.ROOT);
        Map<Long, Outcome> outcomes = new HashMap<>();
        List<Long> unstated = entities.stream().filter(e -> values.getOrDefault(e, Set.of()).isEmpty()).toList();
        Map<Long, Double> guesses = unstated.isEmpty() ? Map.of() : guess.probabilities(filter.attribute(), filter.value(), unstated);
        Double unknownWeight = null;
        for (long entity : entities) {
            Set<String> stated = values.get(entity);
            Double guessed = guesses.get(entity);
            if ((stated == null || stated.isEmpty()) && guessed != null) {
                outcomes.put(entity, new Outcome(FilterStatus.GUESSED, guessed));
            } else if (stated == null || stated.isEmpty()) {
                if (unknownWeight == null) {
                    FactGraph.AttributeCounts counts = facts.attributeCounts(filter.attribute(), filter.value());
                    unknownWeight = (counts.withValue() + 1.0) / (counts.withAttribute() + 2.0);
                }
                outcomes.put(entity, new Outcome(FilterStatus.UNKNOWN, unknownWeight));
            } else if (stated.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(wanted))) {
                outcomes.put(entity, new Outcome(FilterStatus.SATISFIED, 1.0));
            } else {
                outcomes.put(entity, new Outcome(FilterStatus.VIOLATED, 0.0));
            }
        }
        return outcomes;
    }
}
