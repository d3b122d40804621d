package io.relata.lexicon;

import io.relata.InvalidInputException;
import io.relata.RelataProperties;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The relation lexicon: which readings a relation phrase has. A cached snapshot of the store, re-read after local
 * changes and every {@code relata.lexicon.refresh-interval} for changes made by other replicas.
 */
@Service
public class Lexicon {

    static final int MAX_PHRASE_LENGTH = 200;

    private final LexiconStore store;
    private final RelataProperties.Lexicon settings;
    private volatile Snapshot snapshot;

    Lexicon(LexiconStore store, RelataProperties properties) {
        this.store = store;
        this.settings = properties.lexicon();
    }

    /**
     * The cached lexicon; relations by exact name and, for questions typed in any case, by lower-case name; the
     * phrases that are question forms of their own; the derivations of relations.
     */
    private record Snapshot(Map<String, List<Reading>> phrases, Map<String, RelationInfo> relations,
            Map<String, RelationInfo> relationsByLowerCase, List<String> questionForms,
            Map<String, List<List<Step>>> derivations, Instant loadedAt) {}

    /** The readings of a phrase ("sons" reads as "son"; a bare relation name reads as itself); empty if unknown. */
    public List<Reading> readingsOf(String phrase) {
        for (String form : Phrases.lookupForms(Phrases.normalize(phrase))) {
            List<Reading> explicit = current().phrases().get(form);
            if (explicit != null) {
                return explicit;
            }
            Optional<RelationInfo> relation = relation(form);
            if (relation.isPresent()) {
                return List.of(relation.get().ownReading());
            }
        }
        return List.of();
    }

    public boolean knows(String phrase) {
        return !readingsOf(phrase).isEmpty();
    }

    /**
     * A relation by its exact name, else by the same name in another case; a relation named by facts ingested a moment
     * ago is found too.
     */
    public Optional<RelationInfo> relation(String name) {
        Snapshot s = current();
        RelationInfo cached = s.relations().getOrDefault(name, s.relationsByLowerCase().get(name.toLowerCase(Locale.ROOT)));
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<RelationInfo> stored = store.relation(name);
        stored.ifPresent(r -> snapshot = null);
        return stored;
    }

    public List<RelationInfo> relations() {
        return List.copyOf(current().relations().values());
    }

    public Map<String, List<Reading>> phrases() {
        return current().phrases();
    }

    /** The phrases that are question forms of their own, such as "when was {x} born". */
    public List<String> questionForms() {
        return current().questionForms();
    }

    /** The compositions of stated facts a relation is derived by (sibling: mother then back, father then back). */
    public List<List<Step>> derivations(String relation) {
        return current().derivations().getOrDefault(relation, List.of());
    }

    /**
     * Declares a relation with the phrases that ask for its object (forward) and those that ask for its subject
     * (converse): "director" / "directed by". Returns the readings added.
     */
    @Transactional
    public int declare(RelationInfo relation, List<String> phrases, List<String> conversePhrases) {
        checkName(relation.name(), "relation name");
        store.saveRelation(relation);
        Reading own = relation.ownReading();
        int added = 0;
        for (String phrase : phrases) {
            added += store.addReading(checkedPhrase(phrase), own, relation.origin()) ? 1 : 0;
        }
        Reading converse = own.turnedAround();
        for (String phrase : conversePhrases) {
            added += store.addReading(checkedPhrase(phrase), converse, relation.origin()) ? 1 : 0;
        }
        snapshot = null;
        return added;
    }

    /** Gives a phrase more readings over relations already known. Returns the readings added. */
    @Transactional
    public int addPhrase(String phrase, List<Reading> readings, String origin) {
        String normalized = checkedPhrase(phrase);
        if (readings.isEmpty()) {
            throw new InvalidInputException("a phrase needs at least one reading");
        }
        for (Reading reading : readings) {
            for (Step step : reading.path()) {
                if (relation(step.relation()).isEmpty()) {
                    throw new InvalidInputException("unknown relation '" + step.relation() + "': declare it or ingest a fact with it first");
                }
            }
            reading.filter().ifPresent(f -> checkName(f.attribute(), "filter attribute"));
        }
        int added = 0;
        for (Reading reading : readings) {
            added += store.addReading(normalized, reading, origin) ? 1 : 0;
        }
        snapshot = null;
        return added;
    }

    /** Writes a lexicon file's relations and readings that the store does not have yet. */
    @Transactional
    void seed(LexiconFile file) {
        Map<String, RelationInfo> existing = store.relations().stream()
                .collect(Collectors.toMap(RelationInfo::name, Function.identity()));
        for (RelationInfo relation : file.relations()) {
            if (!existing.containsKey(relation.name()) || existing.get(relation.name()).description() == null) {
                store.saveRelation(relation);
            }
        }
        file.phrases().forEach((phrase, readings) -> readings.forEach(r -> store.addReading(phrase, r, "builtin")));
        file.derivations().forEach((relation, paths) -> paths.forEach(path -> store.addDerivation(relation, path, "builtin")));
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Instant now = Instant.now();
        if (s == null || s.loadedAt().plus(settings.refreshInterval()).isBefore(now)) {
            Map<String, RelationInfo> relations = new LinkedHashMap<>();
            Map<String, RelationInfo> byLowerCase = new LinkedHashMap<>();
            for (RelationInfo r : store.relations()) {
                relations.put(r.name(), r);
                byLowerCase.putIfAbsent(r.name().toLowerCase(Locale.ROOT), r);
            }
            Map<String, List<Reading>> phrases = store.readings();
            List<String> forms = phrases.keySet().stream().filter(p -> p.contains("{x}")).toList();
            s = new Snapshot(Map.copyOf(phrases), relations, byLowerCase, forms, Map.copyOf(store.derivations()), now);
            snapshot = s;
        }
        return s;
    }

    private static String checkedPhrase(String phrase) {
        checkName(phrase, "phrase");
        String normalized = Phrases.normalize(phrase);
        if (normalized.contains("{") || normalized.contains("}")) {
            String rest = normalized.replaceFirst("\\{x}", "");
            if (rest.contains("{") || rest.contains("}") || rest.equals(normalized) || rest.isBlank()) {
                throw new InvalidInputException("a question form names the entity once as {X} beside other words: '" + phrase + "'");
            }
        }
        if (normalized.length() > MAX_PHRASE_LENGTH) {
            throw new InvalidInputException("phrase longer than " + MAX_PHRASE_LENGTH + " characters");
        }
        return normalized;
    }

    private static void checkName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(what + " must not be blank");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(what + " must not contain control characters");
        }
        if (name.length() > 500) {
            throw new InvalidInputException(what + " longer than 500 characters");
        }
    }
}
