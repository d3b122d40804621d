package io.relata.query;

import io.relata.RelataProperties;
import io.relata.facts.EntityRef;
import io.relata.facts.FactGraph;
import io.relata.lexicon.AnswerFilter;
import io.relata.lexicon.Direction;
import io.relata.lexicon.Lexicon;
import io.relata.lexicon.Reading;
import io.relata.lexicon.Step;
import io.relata.model.Cardinality;
import io.relata.model.LinkQuery;
import io.relata.model.ModelStatus;
import io.relata.model.ModelUnavailableException;
import io.relata.model.Prediction;
import io.relata.model.RelationModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Answers readings for one entity from three sources: stated facts (walked through the subject or object index as the
 * step's direction says), derivations the lexicon declares (siblings through a shared parent, where no sibling fact is
 * stated), and the relation model (one-step readings, forward or through the reciprocal relation, told the answers
 * stated facts already give); then merges them, weighs filters and sorts by confidence. A walk that fans out past
 * {@code relata.query.max-fan-out} entities, or a question that takes longer than {@code relata.query.timeout}, is
 * refused rather than left to run.
 */
@Component
class AnswerFinder {

    /** Values of an attribute the model is asked for when it weighs a filter. */
    private static final int ATTRIBUTE_CANDIDATES = 10;

    private final FactGraph facts;
    private final RelationModel model;
    private final Function<String, List<List<Step>>> derivations;
    private final int maxFanOut;
    private final Duration timeout;

    @Autowired
    AnswerFinder(FactGraph facts, RelationModel model, Lexicon lexicon, RelataProperties properties) {
        this(facts, model, lexicon::derivations, properties.query().maxFanOut(), properties.query().timeout());
    }

    AnswerFinder(FactGraph facts, RelationModel model, Function<String, List<List<Step>>> derivations, int maxFanOut,
            Duration timeout) {
        this.facts = facts;
        this.model = model;
        this.derivations = derivations;
        this.maxFanOut = maxFanOut;
        this.timeout = timeout;
    }

    /** The answers, with the model that was consulted (if any) and whether it knows the asked entity. */
    record Found(List<Answer> answers, ModelStatus model, boolean entityKnownToModel) {}

    Found find(long entity, List<Reading> readings, Set<Evidence> evidence, int limit, double minConfidence) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (RelationModel.ModelSession session = model.open()) {
            Map<Long, Candidate> best = candidates(session, entity, readings, evidence, limit, deadline);
            requireModelWhenAlone(session, evidence);
            return new Found(answers(best.values(), minConfidence, limit), session.status(),
                    session.status().loaded() && session.knowsEntity(entity));
        }
    }

    /**
     * Whether {@code candidate} answers the readings for the entity: found among the answers (any confidence), else
     * judged by the model alone for that one entity (a stated answer of a full slot leaves it little chance); without
     * either, a verdict of no at confidence 0.5, which says nothing is known.
     */
    Verification verify(long entity, List<Reading> readings, long candidate, Set<Evidence> evidence, int limit) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (RelationModel.ModelSession session = model.open()) {
            Map<Long, Candidate> best = candidates(session, entity, readings, evidence, limit, deadline);
            requireModelWhenAlone(session, evidence);
            List<Answer> answers = answers(best.values(), 0.0, Integer.MAX_VALUE);
            Optional<Answer> found = answers.stream().filter(a -> a.entity().id() == candidate).findFirst();
            List<Answer> others = answers.stream()
                    .filter(a -> a.entity().id() != candidate && a.evidence() != Evidence.INFERRED)
                    .limit(limit)
                    .toList();
            double probability;
            Set<Evidence> sources = java.util.EnumSet.noneOf(Evidence.class);
            if (found.isPresent()) {
                probability = found.get().confidence();
                sources.add(found.get().evidence());
            } else if (evidence.contains(Evidence.INFERRED) && session.status().loaded()) {
                probability = judge(session, entity, readings, candidate, evidence, deadline);
                sources.add(Evidence.INFERRED);
                others.forEach(a -> sources.add(a.evidence()));
            } else {
                probability = byCardinality(entity, readings, evidence, deadline);
                if (!Double.isNaN(probability)) {
                    others.forEach(a -> sources.add(a.evidence()));
                }
            }
            EntityRef ref = facts.entities(List.of(candidate)).get(candidate);
            List<Verification.Support> support = new ArrayList<>();
            found.ifPresent(a -> support.add(new Verification.Support(a, true)));
            others.forEach(a -> support.add(new Verification.Support(a, false)));
            if (Double.isNaN(probability)) {
                return new Verification(ref, false, 0.5, List.of(), support);
            }
            boolean holds = probability >= 0.5;
            if (holds) {
                sources.retainAll(found.map(a -> Set.of(a.evidence())).orElse(Set.of(Evidence.INFERRED)));
            }
            return new Verification(ref, holds, holds ? probability : 1 - probability, List.copyOf(sources), support);
        }
    }

    /**
     * A question that asks the model alone cannot be answered while the model tier does not answer: stated and derived
     * facts, which would otherwise stand in, were not asked for.
     */
    private static void requireModelWhenAlone(RelationModel.ModelSession session, Set<Evidence> evidence) {
        if (session.status().state() == ModelStatus.State.UNAVAILABLE && evidence.equals(Set.of(Evidence.INFERRED))) {
            throw new ModelUnavailableException("the model tier did not answer and the question asks for inferred answers "
                    + "only; retry shortly, or ask for stated and derived answers too");
        }
    }

    /**
     * Without the model: where a one-step reading's slot is filled by known answers, the candidate (not among them) is
     * at most as likely as the slot having one more answer, as the stated facts of that relation show (a person has one
     * mother); NaN (nothing known) where no slot is filled or the relation has many answers per entity.
     */
    private double byCardinality(long entity, List<Reading> readings, Set<Evidence> evidence, long deadline) {
        double best = Double.NaN;
        for (Reading reading : readings) {
            if (reading.path().size() != 1 || reading.path().get(0).direction() == Direction.SYMMETRIC) {
                continue;
            }
            Step step = reading.path().get(0);
            int known = walk(entity, reading.path(), evidence.contains(Evidence.DERIVED), deadline).size();
            if (known == 0) {
                return Double.NaN;
            }
            List<Long> sizes = facts.slotSizes(step.relation(), step.direction() == Direction.INVERSE, Cardinality.SIZES);
            double another = Math.exp(Cardinality.rivalLogFactor(sizes, known));
            if (another >= 0.5) {
                return Double.NaN;
            }
            best = Double.isNaN(best) ? another : Math.max(best, another);
        }
        return best;
    }

    /** The model's probability that the candidate answers one of the one-step readings, its filter weighed. */
    private double judge(RelationModel.ModelSession session, long entity, List<Reading> readings, long candidate,
            Set<Evidence> evidence, long deadline) {
        double best = 0;
        for (Reading reading : readings) {
            if (reading.path().size() != 1) {
                continue;
            }
            Step step = reading.path().get(0);
            Set<Long> known = walk(entity, reading.path(), evidence.contains(Evidence.DERIVED), deadline).keySet();
            List<LinkQuery> queries = new ArrayList<>();
            if (step.direction() != Direction.INVERSE) {
                queries.add(new LinkQuery(entity, step.relation(), false, known, candidate));
            }
            if (step.direction() != Direction.FORWARD) {
                queries.add(new LinkQuery(entity, step.relation(), true, known, candidate));
            }
            Map<Long, Candidate> found = new HashMap<>();
            for (Prediction p : session.predict(queries, 1).stream().flatMap(List::stream).toList()) {
                found.merge(p.entityId(), new Candidate(p.entityId(), p.probability(), Evidence.INFERRED, reading),
                        (x, y) -> x.confidence() >= y.confidence() ? x : y);
            }
            for (Candidate c : weighFilter(session, entity, reading, found.values())) {
                best = Math.max(best, c.confidence());
            }
        }
        return best;
    }

    /** Every answer of every reading, the best per entity. */
    private Map<Long, Candidate> candidates(RelationModel.ModelSession session, long entity, List<Reading> readings,
            Set<Evidence> evidence, int limit, long deadline) {
        boolean modelSpeaks = evidence.contains(Evidence.INFERRED) && session.status().loaded();
        boolean derive = evidence.contains(Evidence.DERIVED);
        Map<Long, Candidate> best = new HashMap<>();
        for (Reading reading : readings) {
            Map<Long, Candidate> found = new HashMap<>();
            // the known answers are needed even when they are not wanted: the model's other candidates are their rivals
            Map<Long, List<Step>> known = walk(entity, reading.path(), derive, deadline);
            known.forEach((answer, derivation) -> {
                Evidence source = derivation.isEmpty() ? Evidence.STATED : Evidence.DERIVED;
                if (evidence.contains(source)) {
                    found.put(answer, new Candidate(answer, 1.0, source, reading, FilterStatus.NONE, derivation));
                }
            });
            if (modelSpeaks && reading.path().size() == 1) {
                for (Prediction p : predict(session, entity, reading.path().get(0), limit, known.keySet())) {
                    if (p.entityId() != entity) {
                        // a symmetric step asks from both ends: keep the likelier guess, and a known answer over any
                        found.merge(p.entityId(), new Candidate(p.entityId(), p.probability(), Evidence.INFERRED, reading),
                                (had, guess) -> had.evidence() != Evidence.INFERRED || had.confidence() >= guess.confidence() ? had : guess);
                    }
                }
            }
            for (Candidate c : weighFilter(session, entity, reading, found.values())) {
                best.merge(c.entity(), c, (x, y) -> x.confidence() > y.confidence()
                        || x.confidence() == y.confidence() && x.evidence().compareTo(y.evidence()) <= 0 ? x : y);
            }
        }
        return best;
    }

    private List<Answer> answers(Collection<Candidate> candidates, double minConfidence, int limit) {
        List<Candidate> ranked = candidates.stream().filter(c -> c.confidence() >= minConfidence).toList();
        Map<Long, EntityRef> entities = facts.entities(ranked.stream().map(Candidate::entity).toList());
        return ranked.stream()
                .map(c -> new Answer(entities.get(c.entity()), c.confidence(), c.evidence(),
                        c.reading(), c.filter(), c.derivation()))
                .sorted(Comparator.comparingDouble(Answer::confidence).reversed()
                        .thenComparing(Answer::evidence)
                        .thenComparing(x -> x.entity().label()))
                .limit(limit)
                .toList();
    }

    private record Candidate(long entity, double confidence, Evidence evidence, Reading reading, FilterStatus filter,
            List<Step> derivation) {
        Candidate(long entity, double confidence, Evidence evidence, Reading reading) {
            this(entity, confidence, evidence, reading, FilterStatus.NONE, List.of());
        }

        Candidate weighed(FilterCheck.Outcome outcome) {
            return new Candidate(entity, confidence * outcome.weight(), evidence, reading, outcome.status(), derivation);
        }
    }

    /**
     * Follows the path step by step from the entity, by stated facts and, when {@code derive}, by the derivations of
     * each step's relation; the entity itself is never its own answer. For each answer, the steps of stated facts
     * walked where a derivation stood in for a step (empty when stated facts alone lead to it).
     */
    private Map<Long, List<Step>> walk(long entity, List<Step> path, boolean derive, long deadline) {
        Map<Long, List<Step>> frontier = Map.of(entity, List.of());
        for (Step step : path) {
            checkTime(deadline);
            Map<Long, List<Step>> from = frontier;
            Map<Long, List<Step>> next = new LinkedHashMap<>();
            neighbours(from.keySet(), step).forEach((origin, reached) ->
                    reached.forEach(r -> next.merge(r, from.get(origin), AnswerFinder::plainer)));
            if (derive) {
                for (List<Step> derivation : derivationsOf(step)) {
                    Map<Long, Set<Long>> byOrigin = new HashMap<>();
                    for (long origin : from.keySet()) {
                        byOrigin.put(origin, Set.of(origin));
                    }
                    for (Step hop : derivation) {
                        byOrigin = hop(byOrigin, hop);
                    }
                    byOrigin.forEach((origin, reached) -> {
                        List<Step> used = new ArrayList<>(from.get(origin));
                        used.addAll(derivation);
                        reached.stream().filter(r -> !r.equals(origin))
                                .forEach(r -> next.merge(r, List.copyOf(used), AnswerFinder::plainer));
                    });
                }
            }
            checkFanOut(next.size());
            frontier = next;
            if (frontier.isEmpty()) {
                break;
            }
        }
        Map<Long, List<Step>> answers = new LinkedHashMap<>(frontier);
        answers.remove(entity);
        return answers;
    }

    /** One hop of a derivation for every origin at once: where each origin's entities lead, in one query per hop. */
    private Map<Long, Set<Long>> hop(Map<Long, Set<Long>> byOrigin, Step hop) {
        Set<Long> all = new HashSet<>();
        byOrigin.values().forEach(all::addAll);
        checkFanOut(all.size());
        Map<Long, Set<Long>> step = neighbours(all, hop);
        Map<Long, Set<Long>> next = new HashMap<>();
        byOrigin.forEach((origin, entities) -> {
            Set<Long> reached = new HashSet<>();
            entities.forEach(e -> reached.addAll(step.getOrDefault(e, Set.of())));
            next.put(origin, reached);
        });
        return next;
    }

    /** Of two ways to an entity, the one that needed no derivation, else the shorter. */
    private static List<Step> plainer(List<Step> a, List<Step> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return List.of();
        }
        return a.size() <= b.size() ? a : b;
    }

    /** For each of {@code from}, the entities one stated step leads to. */
    private Map<Long, Set<Long>> neighbours(Set<Long> from, Step step) {
        Map<Long, Set<Long>> next = new HashMap<>();
        if (step.direction() != Direction.INVERSE) {
            facts.objectsOf(from, step.relation()).forEach((k, v) -> next.computeIfAbsent(k, x -> new java.util.LinkedHashSet<>()).addAll(v));
        }
        if (step.direction() != Direction.FORWARD) {
            facts.subjectsOf(from, step.relation()).forEach((k, v) -> next.computeIfAbsent(k, x -> new java.util.LinkedHashSet<>()).addAll(v));
        }
        return next;
    }

    /** The derivations of a step's relation, walked the way the step goes: backwards for an inverse step. */
    private List<List<Step>> derivationsOf(Step step) {
        List<List<Step>> declared = derivations.apply(step.relation());
        if (declared.isEmpty()) {
            return List.of();
        }
        List<List<Step>> ways = new ArrayList<>();
        for (List<Step> path : declared) {
            if (step.direction() != Direction.INVERSE) {
                ways.add(path);
            }
            if (step.direction() != Direction.FORWARD) {
                List<Step> back = new ArrayList<>(path.stream().map(Step::converse).toList());
                Collections.reverse(back);
                if (!back.equals(path)) {
                    ways.add(List.copyOf(back));
                }
            }
        }
        return ways;
    }

    private void checkFanOut(int size) {
        if (size > maxFanOut) {
            throw new QuestionTooBroadException("the question reaches more than " + maxFanOut
                    + " entities on its way to the answers; ask about a closer relation");
        }
    }

    private void checkTime(long deadline) {
        if (System.nanoTime() > deadline) {
            throw new QuestionTimeoutException("the question took longer than " + timeout.toMillis() + " ms to answer");
        }
    }

    /**
     * The model's answers to one step, told which answers are known already (their rivals weigh less where the
     * relation has few answers per entity). Enough are asked for that the known answers, which the model usually
     * knows, still leave {@code limit} others.
     */
    private static List<Prediction> predict(RelationModel.ModelSession session, long entity, Step step, int limit, Set<Long> known) {
        List<LinkQuery> queries = new ArrayList<>();
        if (step.direction() != Direction.INVERSE) {
            queries.add(new LinkQuery(entity, step.relation(), false, known));
        }
        if (step.direction() != Direction.FORWARD) {
            queries.add(new LinkQuery(entity, step.relation(), true, known));
        }
        return session.predict(queries, limit + known.size() + 1).stream().flatMap(List::stream).toList();
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
        // entities the model does not know get no predictions, and so no guess
        List<Long> known = List.copyOf(entities);
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
