package io.relata.lexicon;

import io.relata.InvalidInputException;
import io.relata.RelataProperties;
import io.relata.TextInput;
import io.relata.TooLargeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The relation lexicon: which readings a relation phrase has. A cached snapshot of the store, re-read after local
 * changes and every {@code relata.lexicon.refresh-interval} for changes made by other replicas.
 */
@Service
public class Lexicon {

    /** Most phrases the lexicon holds; an addition past it is refused (409). */
    public static final int MAX_PHRASES = 10_000;
    /** Most readings a phrase has; more in one request is 413, past it in all 409. */
    public static final int MAX_READINGS_PER_PHRASE = 32;
    /** Most phrases and converse phrases one relation declaration gives (more is 413). */
    public static final int MAX_PHRASES_PER_REQUEST = 100;
    /** Most steps a reading walks (more is 400). */
    public static final int MAX_PATH_STEPS = 8;

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
            Map<String, List<List<Step>>> derivations, java.util.Set<String> removed, Instant loadedAt) {}

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

    /**
     * Whether the phrase is a built-in one that was deleted: a question must not read it back by similarity, or the
     * deletion would not hold.
     */
    public boolean removed(String phrase) {
        return current().removed().contains(Phrases.normalize(phrase));
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
    public int declare(RelationInfo declared, List<String> phrases, List<String> conversePhrases) {
        RelationInfo relation = new RelationInfo(TextInput.check("name", declared.name(), TextInput.LABEL_LENGTH),
                declared.symmetric(),
                TextInput.checkOptional("description", declared.description(), TextInput.DESCRIPTION_LENGTH),
                declared.origin());
        if (phrases.size() + conversePhrases.size() > MAX_PHRASES_PER_REQUEST) {
            throw new TooLargeException((phrases.size() + conversePhrases.size()) + " phrases in one request; at most "
                    + MAX_PHRASES_PER_REQUEST);
        }
        Map<String, Reading> added = new LinkedHashMap<>();
        Reading own = relation.ownReading();
        for (int i = 0; i < phrases.size(); i++) {
            added.put(checkedPhrase("phrases[" + i + "]", phrases.get(i)), own);
        }
        Reading converse = own.turnedAround();
        for (int i = 0; i < conversePhrases.size(); i++) {
            String phrase = checkedPhrase("conversePhrases[" + i + "]", conversePhrases.get(i));
            if (added.containsKey(phrase)) {
                throw new InvalidInputException("phrase '" + phrase + "' is both a phrase and a converse phrase");
            }
            added.put(phrase, converse);
        }
        checkRoom(added.keySet(), 1);
        store.saveRelation(relation);
        int count = 0;
        for (Map.Entry<String, Reading> phrase : added.entrySet()) {
            count += store.addReading(phrase.getKey(), phrase.getValue(), relation.origin()) ? 1 : 0;
        }
        snapshot = null;
        return count;
    }

    /** Gives a phrase more readings over relations already known. Returns the readings added. */
    @Transactional
    public int addPhrase(String phrase, List<Reading> readings, String origin) {
        String normalized = checkedPhrase("phrase", phrase);
        if (readings.isEmpty()) {
            throw new InvalidInputException("a phrase needs at least one reading");
        }
        if (readings.size() > MAX_READINGS_PER_PHRASE) {
            throw new TooLargeException(readings.size() + " readings for one phrase; at most " + MAX_READINGS_PER_PHRASE);
        }
        for (int i = 0; i < readings.size(); i++) {
            checkReading("readings[" + i + "]", readings.get(i));
        }
        checkRoom(Set.of(normalized), readings.size());
        int added = 0;
        for (Reading reading : readings) {
            added += store.addReading(normalized, reading, origin) ? 1 : 0;
        }
        snapshot = null;
        return added;
    }

    /** The readings of a phrase as stored, with the ids that delete them; 404 when the phrase has none. */
    public List<StoredReading> storedReadings(String phrase) {
        String normalized = Phrases.normalize(TextInput.check("phrase", phrase, TextInput.PHRASE_LENGTH));
        List<StoredReading> readings = store.readingsOf(normalized).stream()
                .map(r -> new StoredReading(r.id(), r.reading(), r.origin())).toList();
        if (readings.isEmpty()) {
            throw unknownPhrase(normalized);
        }
        return readings;
    }

    /**
     * Deletes a relation with every reading that walks it. Refused (409) while facts name the relation: the relation
     * is how those facts are read.
     */
    @Transactional
    public DeleteSummary deleteRelation(String name) {
        RelationInfo relation = store.relation(TextInput.check("name", name, TextInput.LABEL_LENGTH))
                .orElseThrow(() -> new UnknownLexiconEntryException("relation", "no relation is called '" + name + "'"));
        if (store.factsUse(relation.name())) {
            throw new LexiconConflictException("relation-in-use", "stored facts name the relation '" + relation.name()
                    + "'; a relation cannot be deleted while facts use it");
        }
        List<LexiconStore.StoredReading> walking = store.allReadings().stream()
                .filter(r -> r.reading().path().stream().anyMatch(step -> step.relation().equals(relation.name())))
                .toList();
        int readings = store.removeReadings(walking);
        store.deleteDerivations(relation.name());
        store.removeRelation(relation);
        snapshot = null;
        return new DeleteSummary(1, readings);
    }

    /** Deletes a phrase with all its readings. */
    @Transactional
    public DeleteSummary deletePhrase(String phrase) {
        String normalized = Phrases.normalize(TextInput.check("phrase", phrase, TextInput.PHRASE_LENGTH));
        List<LexiconStore.StoredReading> readings = store.readingsOf(normalized);
        if (readings.isEmpty()) {
            throw unknownPhrase(normalized);
        }
        int removed = store.removeReadings(readings);
        snapshot = null;
        return new DeleteSummary(0, removed);
    }

    /** Deletes one reading of a phrase, by the id that {@link #storedReadings} lists. */
    @Transactional
    public DeleteSummary deleteReading(String phrase, long id) {
        String normalized = Phrases.normalize(TextInput.check("phrase", phrase, TextInput.PHRASE_LENGTH));
        List<LexiconStore.StoredReading> reading = store.readingsOf(normalized).stream().filter(r -> r.id() == id).toList();
        if (reading.isEmpty()) {
            throw new UnknownLexiconEntryException("reading", "the phrase '" + normalized + "' has no reading " + id);
        }
        int removed = store.removeReadings(reading);
        snapshot = null;
        return new DeleteSummary(0, removed);
    }

    /**
     * Puts the built-in lexicon back as shipped: deleted built-in relations and readings return, built-in relations get
     * their shipped symmetry and description. Unless {@code keepUserAdditions}, every reading users added goes, and so
     * does every relation users declared that no fact names.
     */
    @Transactional
    public RestoreSummary restoreDefaults(boolean keepUserAdditions) {
        LexiconFile builtin = LexiconFile.builtin();
        int revived = store.reviveBuiltinReadings();
        int userReadings = 0;
        int userRelations = 0;
        if (!keepUserAdditions) {
            userReadings = store.deleteUserReadings();
            userRelations = store.deleteUnusedUserRelations(
                    builtin.relations().stream().map(RelationInfo::name).collect(Collectors.toSet()));
        }
        builtin.relations().forEach(store::restoreRelation);
        int[] added = {0};
        builtin.phrases().forEach((phrase, readings) -> readings.forEach(r -> {
            added[0] += store.addReading(phrase, r, LexiconStore.BUILTIN) ? 1 : 0;
        }));
        builtin.derivations().forEach((relation, paths) -> paths.forEach(path -> store.addDerivation(relation, path, LexiconStore.BUILTIN)));
        snapshot = null;
        return new RestoreSummary(revived + added[0], userReadings, userRelations);
    }

    /** A stored reading of a phrase: its id, the reading, and where it came from (builtin or user). */
    public record StoredReading(long id, Reading reading, String origin) {}

    /** What a delete removed. */
    public record DeleteSummary(int relationsDeleted, int readingsDeleted) {}

    /** What restoring the defaults did: built-in readings back in force, user readings and relations deleted. */
    public record RestoreSummary(int builtinReadingsRestored, int userReadingsDeleted, int userRelationsDeleted) {}

    /** Writes a lexicon file's relations and readings that the store does not have yet (deleted ones stay deleted). */
    @Transactional
    void seed(LexiconFile file) {
        Map<String, RelationInfo> existing = store.allRelations();
        for (RelationInfo relation : file.relations()) {
            if (!existing.containsKey(relation.name()) || existing.get(relation.name()).description() == null) {
                store.saveRelation(relation);
            }
        }
        file.phrases().forEach((phrase, readings) -> readings.forEach(r -> store.addReading(phrase, r, LexiconStore.BUILTIN)));
        file.derivations().forEach((relation, paths) -> paths.forEach(path -> store.addDerivation(relation, path, LexiconStore.BUILTIN)));
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
            s = new Snapshot(Map.copyOf(phrases), relations, byLowerCase, forms, Map.copyOf(store.derivations()),
                    java.util.Set.copyOf(store.removedPhrases()), now);
            snapshot = s;
        }
        return s;
    }

    /** A phrase as stored: checked as text, then normalised; a refusal names the field. */
    private static String checkedPhrase(String field, String phrase) {
        String normalized = Phrases.normalize(TextInput.check(field, phrase, TextInput.PHRASE_LENGTH));
        if (normalized.contains("{") || normalized.contains("}")) {
            String rest = normalized.replaceFirst("\\{x}", "");
            if (rest.contains("{") || rest.contains("}") || rest.equals(normalized) || rest.isBlank()) {
                throw new InvalidInputException(field + ": a question form names the entity once as {X} beside other words");
            }
        }
        if (normalized.length() > TextInput.PHRASE_LENGTH) {
            throw new InvalidInputException(field + " is longer than " + TextInput.PHRASE_LENGTH + " characters");
        }
        return normalized;
    }

    /** A reading walks known relations, in at most MAX_PATH_STEPS steps that fit the path column, with a valid filter. */
    private void checkReading(String field, Reading reading) {
        if (reading.path().size() > MAX_PATH_STEPS) {
            throw new InvalidInputException(field + ".path has " + reading.path().size() + " steps; at most "
                    + MAX_PATH_STEPS);
        }
        for (int i = 0; i < reading.path().size(); i++) {
            Step step = reading.path().get(i);
            TextInput.check(field + ".path[" + i + "].relation", step.relation(), TextInput.LABEL_LENGTH);
            if (relation(step.relation()).isEmpty()) {
                throw new InvalidInputException("unknown relation '" + step.relation() + "': declare it or ingest a fact with it first");
            }
        }
        if (LexiconStore.encode(reading.path()).length() > TextInput.PATH_LENGTH) {
            throw new InvalidInputException(field + ".path is too long: its steps take more than " + TextInput.PATH_LENGTH
                    + " characters as stored");
        }
        reading.filter().ifPresent(f -> {
            TextInput.check(field + ".filter attribute", f.attribute(), TextInput.LABEL_LENGTH);
            TextInput.check(field + ".filter value", f.value(), TextInput.LABEL_LENGTH);
        });
    }

    /** Refuses (409) additions that would pass MAX_PHRASES in all, or MAX_READINGS_PER_PHRASE for a phrase. */
    private void checkRoom(Set<String> phrases, int readingsEach) {
        Map<String, List<Reading>> current = store.readings();
        long newPhrases = phrases.stream().filter(p -> !current.containsKey(p)).count();
        if (current.size() + newPhrases > MAX_PHRASES) {
            throw new LexiconConflictException("lexicon-limit", "the lexicon holds " + current.size() + " phrases; at most "
                    + MAX_PHRASES);
        }
        for (String phrase : phrases) {
            int has = current.getOrDefault(phrase, List.of()).size();
            if (has + readingsEach > MAX_READINGS_PER_PHRASE) {
                throw new LexiconConflictException("lexicon-limit", "the phrase '" + phrase + "' has " + has
                        + " readings; at most " + MAX_READINGS_PER_PHRASE);
            }
        }
    }

    private static UnknownLexiconEntryException unknownPhrase(String phrase) {
        return new UnknownLexiconEntryException("phrase", "the lexicon has no phrase '" + phrase + "'");
    }
}
