package io.relata.query;

import io.relata.InvalidInputException;
import io.relata.RelataProperties;
import io.relata.facts.EntityDirectory;
import io.relata.facts.EntityDirectory.KeyedEntity;
import io.relata.facts.EntityDirectory.NamePool;
import io.relata.facts.EntityRef;
import io.relata.facts.Labels;
import io.relata.facts.NameWords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * Turns a mention into one entity: exact label, the entity's key (an IRI, {@code royal:I1}), alias, folded key (case,
 * accents, punctuation), then token-wise (every word of the mention in one entity's name: "Princess Diana" → "Diana,
 * Princess of Wales") and fuzzy (a typo or two: "Tom Cruse" → "Tom Cruise"). Never a guess: a mention that fits
 * several entities equally is ambiguous (a label people share lists every one of them; a key then picks one), and one
 * that fits none comes back with the nearest names by shared words and by spelling. Every step reads an index, in a
 * bounded pool of {@value #POOL} entities.
 */
@Service
public class EntityResolver {

    /** Entities scored per token or fuzzy lookup. */
    static final int POOL = 200;
    private static final double CANDIDATE_FLOOR = 0.5;
    /** A fuzzy match is taken only when the runner-up is at least this much less similar. */
    private static final double CLEAR_LEAD = 0.05;
    /** Words a name need not have for a token match: articles and the "s" of a possessive ("Marie Curie's"). */
    private static final Set<String> NOISE = Set.of("the", "a", "an", "s");
    /** Entities listed when a label is shared: every one of them, up to this many. */
    static final int MAX_SHARED_LABEL = 100;
    /** Shown of a mention in messages. */
    private static final int SHOWN = 80;

    private final EntityDirectory directory;
    private final RelataProperties.Query settings;
    private final int maxLength;

    EntityResolver(EntityDirectory directory, RelataProperties properties) {
        this.directory = directory;
        this.settings = properties.query();
        this.maxLength = properties.ingest().maxLabelLength();
    }

    /**
     * The entity a mention names; an UnknownEntityException (404) with candidates when it names none or several. A
     * mention longer than any label may be is refused at once (400).
     */
    public ResolvedEntity resolve(String mention) {
        if (mention.length() > maxLength) {
            throw new InvalidInputException("an entity name has at most " + maxLength + " characters; this one has "
                    + mention.length() + ": '" + shortened(mention) + "'");
        }
        return match(mention).orThrow();
    }

    /**
     * How a mention (a span of words of a question, say) matches the directory, without throwing: the entity with how
     * and how well it matched, or the candidates. Costs a few indexed lookups, so a parser may try several spans.
     */
    public MentionMatch match(String mention) {
        String key = Labels.key(mention);
        if (mention.length() > maxLength || key.isEmpty()) {
            return MentionMatch.none(mention, List.of(), false);
        }
        List<EntityRef> labelled = directory.byLabel(mention, MAX_SHARED_LABEL);
        if (labelled.size() == 1) {
            return MentionMatch.of(labelled.get(0), mention, MatchKind.EXACT, 1.0);
        }
        // a key names its entity, unless the key is only its label (a plain entity) and others have that label too
        Optional<EntityRef> keyed = directory.byEntityKey(mention)
                .filter(e -> labelled.isEmpty() || !e.label().equals(Labels.clean(mention)));
        if (keyed.isPresent()) {
            return MentionMatch.of(keyed.get(), mention, MatchKind.KEY, 1.0);
        }
        if (labelled.size() > 1) {
            return MentionMatch.none(mention, labelled, true);
        }
        List<EntityRef> aliases = directory.byAlias(mention);
        if (!aliases.isEmpty()) {
            return single(aliases, mention, MatchKind.ALIAS, 1.0);
        }
        List<EntityRef> folded = directory.byKey(key);
        if (!folded.isEmpty()) {
            return single(folded, mention, MatchKind.FOLDED, 0.95);
        }
        List<String> words = contentWords(key);
        WordMatches byWords = byWords(words);
        Optional<MentionMatch> token = token(byWords, words, mention);
        if (token.isPresent()) {
            return token.get();
        }
        Optional<MentionMatch> untitled = withoutTitle(mention);
        if (untitled.isPresent()) {
            return untitled.get();
        }
        List<Scored> bySpelling = bySpelling(key);
        List<Scored> close = bySpelling.stream()
                .filter(s -> s.similarity() >= settings.fuzzyThreshold() && s.numbersAgree())
                .toList();
        if (!close.isEmpty()) {
            Scored best = close.get(0);
            if (close.size() == 1 || close.get(1).similarity() <= best.similarity() - CLEAR_LEAD) {
                return MentionMatch.of(best.entity(), mention, MatchKind.FUZZY, best.similarity());
            }
            return MentionMatch.none(mention, entities(close.stream()), true);
        }
        return MentionMatch.none(mention, nearest(bySpelling, byWords.ranked()), false);
    }

    /** Words of address people put before a name that the name as stored may lack ("Queen Elizabeth II", "King Charles"). */
    private static final java.util.Set<String> TITLES = java.util.Set.of("queen", "king", "prince", "princess", "sir",
            "dame", "lord", "lady", "duke", "duchess", "president", "dr", "doctor", "mr", "mrs", "ms", "miss", "saint", "st");

    /**
     * A mention that starts with a title and names nothing as it is: the rest, matched exactly, by alias, folded or
     * token-wise (never by spelling: a title and a typo together are too loose), counts as a token match.
     */
    private Optional<MentionMatch> withoutTitle(String mention) {
        String[] words = mention.strip().split("\\s+", 2);
        if (words.length < 2 || !TITLES.contains(words[0].toLowerCase(java.util.Locale.ROOT).replace(".", ""))) {
            return Optional.empty();
        }
        MentionMatch rest = match(words[1]);
        if (rest.entity().isEmpty() || rest.entity().get().match() == MatchKind.FUZZY) {
            return Optional.empty();
        }
        return Optional.of(MentionMatch.of(rest.entity().get().entity(), mention, MatchKind.TOKEN, Math.min(0.9, rest.score())));
    }

    private MentionMatch single(List<EntityRef> found, String mention, MatchKind kind, double score) {
        if (found.size() > 1) {
            return MentionMatch.none(mention, found.subList(0, Math.min(found.size(), settings.maxCandidates())), true);
        }
        return MentionMatch.of(found.get(0), mention, kind, score);
    }

    /**
     * One entity's best name for a mention: the words of the mention it has, its own word count, its spelling, and
     * whether it has every word of the mention that holds a digit: numbers are not misspelt ("Apollo 13" is not a typo
     * of "Apollo 11"), so a fuzzy match must agree on them.
     */
    private record Scored(EntityRef entity, int shared, int nameWords, double similarity, boolean numbersAgree) {

        double nameShare() {
            return nameWords == 0 ? 0 : (double) shared / nameWords;
        }
    }

    /** The words that a token match must find in a name: all but noise, unless the mention is only noise. */
    private static List<String> contentWords(String key) {
        List<String> words = NameWords.of(key);
        List<String> content = words.stream().filter(w -> !NOISE.contains(w)).toList();
        return content.isEmpty() ? words : content;
    }

    /** Entities sharing words with a mention, the most shared words first, and whether the pool was read in full. */
    private record WordMatches(List<Scored> ranked, boolean complete) {}

    private WordMatches byWords(List<String> words) {
        NamePool pool = directory.withWords(words, POOL);
        List<Scored> ranked = score(pool.names(), String.join(" ", words), words).stream()
                .filter(s -> s.shared() > 0)
                .sorted(Comparator.comparingInt(Scored::shared).reversed()
                        .thenComparing(Comparator.comparingDouble(Scored::similarity).reversed())
                        .thenComparing(s -> s.entity().id()))
                .toList();
        return new WordMatches(ranked, pool.complete());
    }

    /**
     * A token match: the one entity that has every word of the mention. Several such entities are ambiguous, unless
     * exactly one of them has no other word (the mention is its name, reordered). One found in a pool that was read
     * only in part is not known to be the only one, so it is offered as a candidate, not taken.
     */
    private Optional<MentionMatch> token(WordMatches byWords, List<String> words, String mention) {
        List<Scored> full = byWords.ranked().stream().filter(s -> s.shared() == words.size()).toList();
        if (full.isEmpty()) {
            return Optional.empty();
        }
        List<Scored> sameWords = full.stream().filter(s -> s.nameWords() == words.size()).toList();
        if (sameWords.size() == 1) {
            return Optional.of(MentionMatch.of(sameWords.get(0).entity(), mention, MatchKind.TOKEN, tokenScore(sameWords.get(0))));
        }
        if (full.size() == 1 && byWords.complete()) {
            return Optional.of(MentionMatch.of(full.get(0).entity(), mention, MatchKind.TOKEN, tokenScore(full.get(0))));
        }
        List<Scored> ranked = full.stream()
                .sorted(Comparator.comparingDouble(Scored::nameShare).reversed().thenComparing(s -> s.entity().label()))
                .toList();
        return Optional.of(MentionMatch.none(mention, entities(ranked.stream()), true));
    }

    private static double tokenScore(Scored scored) {
        return 0.6 + 0.3 * scored.nameShare();
    }

    /** Entities spelled like the mention, the most similar first, at least CANDIDATE_FLOOR similar. */
    private List<Scored> bySpelling(String key) {
        return score(directory.spelledLike(key, POOL).names(), key, NameWords.of(key)).stream()
                .filter(s -> s.similarity() >= CANDIDATE_FLOOR)
                .sorted(Comparator.comparingDouble(Scored::similarity).reversed().thenComparing(s -> s.entity().label()))
                .toList();
    }

    /** Each entity's best-scoring name: most mention words, then the closest spelling. */
    private static List<Scored> score(List<KeyedEntity> names, String key, List<String> words) {
        Map<Long, Scored> best = new LinkedHashMap<>();
        for (KeyedEntity name : names) {
            Set<String> nameWords = new HashSet<>(NameWords.of(name.key()));
            int shared = (int) words.stream().filter(nameWords::contains).count();
            boolean numbersAgree = words.stream().filter(EntityResolver::hasDigit).allMatch(nameWords::contains);
            Scored scored = new Scored(name.entity(), shared, nameWords.size(), similarity(key, name.key()), numbersAgree);
            best.merge(name.entity().id(), scored, (a, b) -> a.shared() != b.shared()
                    ? (a.shared() > b.shared() ? a : b)
                    : (a.similarity() >= b.similarity() ? a : b));
        }
        return new ArrayList<>(best.values());
    }

    private static boolean hasDigit(String word) {
        return word.codePoints().anyMatch(Character::isDigit);
    }

    /**
     * Similarity.of, skipped (0) when the lengths alone keep it under CANDIDATE_FLOOR: the distance is at least the
     * difference in length, and computing it costs the product of the lengths.
     */
    private static double similarity(String key, String name) {
        int longer = Math.max(key.length(), name.length());
        if (Math.abs(key.length() - name.length()) > longer * (1 - CANDIDATE_FLOOR)) {
            return 0;
        }
        return Similarity.of(key, name);
    }

    /** The nearest entities by spelling and by shared words, taken in turn, at most maxCandidates. */
    private List<EntityRef> nearest(List<Scored> bySpelling, List<Scored> byWords) {
        Set<EntityRef> nearest = new LinkedHashSet<>();
        for (int i = 0; nearest.size() < settings.maxCandidates() && (i < bySpelling.size() || i < byWords.size()); i++) {
            if (i < bySpelling.size()) {
                nearest.add(bySpelling.get(i).entity());
            }
            if (i < byWords.size() && nearest.size() < settings.maxCandidates()) {
                nearest.add(byWords.get(i).entity());
            }
        }
        return List.copyOf(nearest);
    }

    private List<EntityRef> entities(Stream<Scored> ranked) {
        return ranked.map(Scored::entity).distinct().limit(settings.maxCandidates()).toList();
    }

    /** The start of a long mention, for messages. */
    static String shortened(String mention) {
        if (mention.length() <= SHOWN) {
            return mention;
        }
        int end = Character.isHighSurrogate(mention.charAt(SHOWN - 1)) ? SHOWN - 1 : SHOWN;
        return mention.substring(0, end) + "…";
    }
}
