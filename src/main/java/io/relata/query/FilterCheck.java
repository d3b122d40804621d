package io.relata.query;

import io.relata.facts.FactGraph;
import io.relata.lexicon.AnswerFilter;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a filter against stated attributes. Where the attribute is not stated, the chance that it holds is the
 * attribute's base rate among entities that have it stated, Laplace-smoothed ((k + 1) / (n + 2)), so that an answer
 * whose filter is unknown always ranks below one whose filter is satisfied.
 */
final class FilterCheck {

    /** The outcome for one entity: its status and the factor its confidence is multiplied by. */
    record Outcome(FilterStatus status, double weight) {
        static final Outcome NONE = new Outcome(FilterStatus.NONE, 1.0);
    }

    private FilterCheck() {}

    static Map<Long, Outcome> check(FactGraph facts, AnswerFilter filter, Collection<Long> entities) {
        Map<Long, Set<String>> values = facts.attributeValues(entities, filter.attribute());
        String wanted = filter.value().toLowerCase(Locale.ROOT);
        Map<Long, Outcome> outcomes = new HashMap<>();
        Double unknownWeight = null;
        for (long entity : entities) {
            Set<String> stated = values.get(entity);
            if (stated == null || stated.isEmpty()) {
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
