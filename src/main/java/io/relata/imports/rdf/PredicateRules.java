package io.relata.imports.rdf;

import io.relata.imports.rdf.ImportProfile.PredicateMapping;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a profile makes of each predicate, worked out once per predicate: a file has few predicates and many triples,
 * so the triple loop does one map look-up rather than string work.
 */
final class PredicateRules {

    /** Enough for every predicate of a real source; a file with more still works, only more slowly. */
    private static final int CACHE_SIZE = 8192;
    private static final Set<String> BIRTH_DATES = Set.of("birthDate", "dateOfBirth");
    private static final Set<String> DEATH_DATES = Set.of("deathDate", "dateOfDeath");

    private final Map<String, PredicateMapping> mapped = new HashMap<>();
    private final Set<String> labels = new HashSet<>(RdfTerms.LABELS);
    private final Set<String> descriptions = new HashSet<>(RdfTerms.DESCRIPTIONS);
    private final Set<String> dropped;
    private final Map<String, PredicateRule> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PredicateRule> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    PredicateRules(ImportProfile profile) {
        profile.relations().forEach(mapping -> mapped.put(mapping.predicate(), mapping));
        labels.addAll(profile.labels());
        descriptions.addAll(profile.descriptions());
        dropped = Set.copyOf(profile.drop());
        // A profile that names a built-in label predicate otherwise reads it its own way.
        labels.removeAll(mapped.keySet());
        labels.removeAll(dropped);
        labels.removeAll(descriptions);
        descriptions.removeAll(mapped.keySet());
        descriptions.removeAll(dropped);
    }

    PredicateRule of(String predicate) {
        PredicateRule rule = cache.get(predicate);
        if (rule == null) {
            rule = ruleOf(predicate);
            cache.put(predicate, rule);
        }
        return rule;
    }

    private PredicateRule ruleOf(String predicate) {
        if (dropped.contains(predicate)) {
            return PredicateRule.DROP;
        }
        PredicateMapping mapping = mapped.get(predicate);
        if (mapping != null) {
            return PredicateRule.fact(mapping.relation(), mapping.direction(), true,
                    dateValue(mapping.relation(), null), true);
        }
        if (labels.contains(predicate)) {
            return PredicateRule.LABEL;
        }
        if (descriptions.contains(predicate)) {
            return PredicateRule.DESCRIPTION;
        }
        if (RdfTerms.ALIASES.contains(predicate)) {
            return PredicateRule.ALIAS;
        }
        if (RdfTerms.isVocabulary(predicate)) {
            return PredicateRule.DROP;
        }
        String localName = IriNames.localName(predicate);
        // A Wikidata property id says nothing as the name of a value ("P1082 8000000"); between entities it still
        // links them, and a question can name it by its id.
        boolean literalsKept = !predicate.startsWith(RdfTerms.WIKIDATA_CLAIM);
        String relation = IriNames.relation(predicate);
        return PredicateRule.fact(relation, MappingDirection.FORWARD, false, dateValue(relation, localName), literalsKept);
    }

    /** Whether a literal of the relation is a date to read as its year. */
    private static boolean dateValue(String relation, String unmappedLocalName) {
        if (relation.equals(AttributeValues.BORN) || relation.equals(AttributeValues.DIED)) {
            return true;
        }
        return unmappedLocalName != null
                && (BIRTH_DATES.contains(unmappedLocalName) || DEATH_DATES.contains(unmappedLocalName));
    }

    /**
     * What a predicate is read as: dropped, a naming, or a fact of {@code relation} in {@code direction} ({@code mapped}
     * when the profile names it); a literal of it is read as a year, as a gender, or not at all.
     */
    record PredicateRule(Kind kind, String relation, MappingDirection direction, boolean mapped, boolean yearValues,
            boolean literalsKept, boolean genderValues) {

        static final PredicateRule DROP = naming(Kind.DROP);
        static final PredicateRule LABEL = naming(Kind.LABEL);
        static final PredicateRule ALIAS = naming(Kind.ALIAS);
        static final PredicateRule DESCRIPTION = naming(Kind.DESCRIPTION);

        static PredicateRule fact(String relation, MappingDirection direction, boolean mapped, boolean yearValues,
                boolean literalsKept) {
            return new PredicateRule(Kind.FACT, relation, direction, mapped, yearValues, literalsKept,
                    relation.equals(AttributeValues.GENDER));
        }

        private static PredicateRule naming(Kind kind) {
            return new PredicateRule(kind, null, null, false, false, false, false);
        }

        /** The kinds of predicate. */
        enum Kind { DROP, LABEL, ALIAS, DESCRIPTION, FACT }
    }
}
