package io.relata.lexicon;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The phrases a lexicon snapshot understands (its phrases and its relation names) with their readings, and the
 * written-form checks the paraphrase matcher runs before it asks the embedding model. Two are equal when they hold the
 * same phrases with the same readings.
 */
final class KnownPhrases {

    private static final Pattern WORD_BREAK = Pattern.compile("[\\s\\-'’]+");

    private final Map<String, List<Reading>> readings;
    /** Phrases by their letters alone ("grandchild" for "grand child"); a form two phrases with other readings share maps to null. */
    private final Map<String, String> byLetters = new HashMap<>();

    private KnownPhrases(Map<String, List<Reading>> readings) {
        this.readings = readings;
        readings.forEach((phrase, r) -> byLetters.merge(letters(phrase), phrase,
                (first, second) -> readings.get(first).equals(r) ? first : null));
    }

    /** The lexicon's phrases, and each relation name that no phrase spells, read as the relation itself. */
    static KnownPhrases of(Map<String, List<Reading>> phrases, List<RelationInfo> relations) {
        Map<String, List<Reading>> readings = new LinkedHashMap<>();
        phrases.forEach((phrase, r) -> readings.put(Phrases.normalize(phrase), List.copyOf(r)));
        for (RelationInfo relation : relations) {
            readings.putIfAbsent(Phrases.normalize(relation.name()), List.of(relation.ownReading()));
        }
        return new KnownPhrases(readings);
    }

    Set<String> phrases() {
        return readings.keySet();
    }

    List<Reading> readingsOf(String knownPhrase) {
        return readings.getOrDefault(knownPhrase, List.of());
    }

    /** The known phrase a normalized phrase is, singular or plural ("sons" is "son"). */
    Optional<String> known(String normalized) {
        for (String form : Phrases.lookupForms(normalized)) {
            if (readings.containsKey(form)) {
                return Optional.of(form);
            }
        }
        return Optional.empty();
    }

    /** The known phrase written with other spaces, hyphens or apostrophes: "grand child", "mother in law". */
    Optional<String> writtenAlike(String normalized) {
        for (String form : Phrases.lookupForms(letters(normalized))) {
            String phrase = byLetters.get(form);
            if (phrase != null) {
                return Optional.of(phrase);
            }
        }
        return Optional.empty();
    }

    /**
     * The known phrase a misspelt phrase stands for ("daugther", "grandmohter", "neices"): only when one of its words is
     * no word the model knows whole, it is a keyboard slip away from a known phrase (see {@link Spelling#isSlipFor}),
     * and every phrase that close reads the same way.
     */
    Optional<String> slipFor(String normalized, Predicate<String> wholeWord) {
        if (Arrays.stream(words(normalized)).allMatch(wholeWord)) {
            return Optional.empty();
        }
        String best = null;
        int bestEdits = Integer.MAX_VALUE;
        boolean ambiguous = false;
        for (String form : Phrases.lookupForms(letters(normalized))) {
            for (String phrase : readings.keySet()) {
                String target = letters(phrase);
                if (!Spelling.isSlipFor(form, target)) {
                    continue;
                }
                int edits = Spelling.distance(form, target, 1);
                if (edits < bestEdits) {
                    best = phrase;
                    bestEdits = edits;
                    ambiguous = false;
                } else if (edits == bestEdits && !readings.get(best).equals(readings.get(phrase))) {
                    ambiguous = true;
                }
            }
        }
        return ambiguous ? Optional.empty() : Optional.ofNullable(best);
    }

    /**
     * Whether the phrase is a known phrase with other words around it: "step mother", "older brother", "son-in-law",
     * "sister city", "mum and dad". The other words change the relation in ways similarity cannot tell apart ("birth
     * mother" and "step mother" score alike against "mother"), so such phrases are not matched by meaning.
     */
    boolean builtOnKnown(String normalized) {
        String[] words = words(normalized);
        for (int from = 0; from < words.length; from++) {
            for (int to = from + 1; to <= words.length; to++) {
                if (to - from == words.length) {
                    continue;
                }
                String[] part = Arrays.copyOfRange(words, from, to);
                if (known(String.join(" ", part)).isPresent() || known(String.join("-", part)).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    static String[] words(String normalized) {
        return Arrays.stream(WORD_BREAK.split(normalized)).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }

    static String letters(String normalized) {
        return WORD_BREAK.matcher(normalized).replaceAll("");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KnownPhrases k && readings.equals(k.readings);
    }

    @Override
    public int hashCode() {
        return readings.hashCode();
    }
}
