package io.relata.query;

import io.relata.facts.EntityRef;
import io.relata.facts.FactGraph;
import io.relata.lexicon.AnswerFilter;
import io.relata.lexicon.Direction;
import io.relata.lexicon.Reading;
import io.relata.lexicon.Step;
import io.relata.model.LinkQuery;
import io.relata.model.ModelStatus;
import io.relata.model.Prediction;
import io.relata.model.RelationModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Answers readings for one entity from both sources: stated facts (walked through the subject or object index as the
 * step's direction says) and the relation model (one-step readings, forward or through the reciprocal relation), then
 * merges them, weighs filters and sorts by confidence.
 */
@Component
class AnswerFinder {

    /** Values of an attribute the model is asked for when it weighs a filter. */
    private static final int ATTRIBUTE_CANDIDATES = 10;

    private final FactGraph facts;
    private final RelationModel model;

    AnswerFinder(FactGraph facts, RelationModel model) {
        this.facts = facts;
        this.model = model;
    }

    /** The answers, with the model that was consulted (if any) and whether it knows the asked entity. */
    record Found(List<Answer> answers, ModelStatus model, boolean entityKnownToModel) {}

    Found find(long entity, List<Reading> readings, Set<Evidence> evidence, int limit, double minConfidence) {
        try (RelationModel.ModelSession session = model.open()) {
            boolean modelSpeaks = evidence.contains(Evidence.INFERRED) && session.status().loaded();
            Map<Long, Candidate> best = new HashMap<>();
            for (Reading reading : readings) {
                Map<Long, Candidate> found = new HashMap<>();
                // the stated answers are needed even when they are not wanted: the model's other candidates are their rivals
                Set<Long> stated = walk(entity, reading.path());
                if (evidence.contains(Evidence.STATED)) {
                    for (long answer : stated) {
                        found.put(answer, new Candidate(answer, 1.0, Evidence.STATED, reading));
                    }
                }
                if (modelSpeaks && reading.path().size() == 1) {
                    for (Prediction p : predict(session, entity, reading.path().get(0), limit, stated)) {
                        if (p.entityId() != entity) {
                            // a symmetric step asks from both ends: keep the likelier guess, and a stated answer over any
                            found.merge(p.entityId(), new Candidate(p.entityId(), p.probability(), Evidence.INFERRED, reading),
                                    (had, guess) -> had.evidence() == Evidence.STATED || had.confidence() >= guess.confidence() ? had : guess);
                        }
                    }
                }
                for (Candidate c : weighFilter(session, entity, reading, found.values())) {
                    best.merge(c.entity(), c, (x, y) -> x.confidence() >= y.confidence() ? x : y);
                }
            }
            List<Candidate> ranked = best.values().stream()
                    .filter(c -> c.confidence() >= minConfidence)
                    .toList();
            Map<Long, String> labels = facts.labels(ranked.stream().map(Candidate::entity).toList());
            List<Answer> answers = ranked.stream()
                    .map(c -> new Answer(new EntityRef(c.entity(), labels.get(c.entity())), c.confidence(), c.evidence(), c.reading(), c.filter()))
                    .sorted(Comparator.comparingDouble(Answer::confidence).reversed()
                            .thenComparing(Answer::evidence)
                            .thenComparing(x -> x.entity().label()))
                    .limit(limit)
                    .toList();
            ModelStatus status = session.status();
            return new Found(answers, status, status.loaded() && session.knowsEntity(entity));
        }
    }

    private record Candidate(long entity, double confidence, Evidence evidence, Reading reading, FilterStatus filter) {
        Candidate(long entity, double confidence, Evidence evidence, Reading reading) {
            this(entity, confidence, evidence, reading, FilterStatus.NONE);
        }

        Candidate weighed(FilterCheck.Outcome outcome) {
            return new Candidate(entity, confidence * outcome.weight(), evidence, reading, outcome.status());
        }
    }

    /** Follows the path step by step from the entity; the entity itself is never its own answer. */
    private Set<Long> walk(long entity, List<Step> path) {
        Set<Long> frontier = Set.of(entity);
        for (Step step : path) {
            Set<Long> next = new LinkedHashSet<>();
            if (step.direction() != Direction.INVERSE) {
                facts.objectsOf(frontier, step.relation()).values().forEach(next::addAll);
            }
            if (step.direction() != Direction.FORWARD) {
                facts.subjectsOf(frontier, step.relation()).values().forEach(next::addAll);
            }
            frontier = next;
            if (frontier.isEmpty()) {
                break;
            }
        }
        Set<Long> answers = new HashSet<>(frontier);
        answers.remove(entity);
        return answers;
    }

    /**
     * The model's answers to one step, told which answers stated facts give it already (their rivals weigh less where
     * the relation has few answers per entity). Enough are asked for that the stated answers, which the model usually
     * knows, still leave {@code limit} others.
     */
    private static List<Prediction> predict(RelationModel.ModelSession session, long entity, Step step, int limit, Set<Long> stated) {
        List<LinkQuery> queries = new ArrayList<>();
        if (step.direction() != Direction.INVERSE) {
            queries.add(new LinkQuery(entity, step.relation(), false, stated));
        }
        if (step.direction() != Direction.FORWARD) {
            queries.add(new LinkQuery(entity, step.relation(), true, stated));
        }
        return session.predict(queries, limit + stated.size() + 1).stream().flatMap(List::stream).toList();
    }

    /**
     * Drops answers that violate the reading's filter and weighs those whose filter is not stated: by the model's own
     * prediction of the attribute where it knows the entity, else by the attribute's base rate.
     */
    private List<Candidate> weighFilter(RelationModel.ModelSession session, long entity, Reading reading, Collection<Candidate> found) {
        if (reading.filter().isEmpty() || found.isEmpty()) {
            return List.copyOf(found);
        }
        AnswerFilter filter = reading.filter().get();
        FilterCheck.AttributeGuess guess = (attribute, value, entities) -> guessAttribute(session, attribute, value, entities);
        if (filter.target() == AnswerFilter.Target.ENTITY) {
            FilterCheck.Outcome outcome = FilterCheck.check(facts, filter, List.of(entity), guess).get(entity);
            return outcome.status() == FilterStatus.VIOLATED
                    ? List.of()
                    : found.stream().map(c -> c.weighed(outcome)).toList();
        }
        Map<Long, FilterCheck.Outcome> outcomes = FilterCheck.check(facts, filter, found.stream().map(Candidate::entity).toList(), guess);
        return found.stream()
                .map(c -> c.weighed(outcomes.get(c.entity())))
                .filter(c -> c.filter() != FilterStatus.VIOLATED)
                .toList();
    }

    /**
     * The model's probability that each entity's {@code attribute} is {@code value}, for the entities it has a view on:
     * the value's calibrated probability, made conditional on the entity having a value at all when the model's values
     * add up to less than 1 (a person has a gender, though the model may doubt it has seen it).
     */
    private Map<Long, Double> guessAttribute(RelationModel.ModelSession session, String attribute, String value, Collection<Long> entities) {
        if (!session.status().loaded()) {
            return Map.of();
        }
        List<Long> known = entities.stream().filter(session::knowsEntity).toList();
        List<List<Prediction>> predictions = session.predict(
                known.stream().map(e -> new LinkQuery(e, attribute, false)).toList(), ATTRIBUTE_CANDIDATES);
        Set<Long> candidates = new HashSet<>();
        predictions.forEach(list -> list.forEach(p -> candidates.add(p.entityId())));
        Map<Long, String> labels = facts.labels(candidates);
        Map<Long, Double> guesses = new HashMap<>();
        for (int i = 0; i < known.size(); i++) {
            double total = predictions.get(i).stream().mapToDouble(Prediction::probability).sum();
            if (total <= 0) {
                continue;
            }
            double wanted = predictions.get(i).stream()
                    .filter(p -> value.equalsIgnoreCase(labels.get(p.entityId())))
                    .mapToDouble(Prediction::probability).sum();
            guesses.put(known.get(i), Math.min(1, wanted / Math.min(1, total)));
        }
        return guesses;
    }
}
