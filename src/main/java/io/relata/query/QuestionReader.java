package io.relata.query;

import io.relata.lexicon.Lexicon;
import io.relata.lexicon.ParaphraseMatcher;
import io.relata.lexicon.PhraseMatch;
import io.relata.lexicon.Reading;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Understands a question entity first: of the ways {@link QuestionForms} reads it, the one whose words name an entity
 * in the directory (exactly, by alias, folded, token-wise, or with a typo) and whose phrase the lexicon knows wins —
 * the plainest match of the entity first, then the most specific form. A phrase the lexicon does not know is matched
 * to the nearest known phrase by similarity where that is close enough. What cannot be understood is refused with
 * what was: an unknown or ambiguous entity is a 404 with candidates, never a silent guess; an unknown phrase a 422
 * naming the entity, the phrase and the nearest known phrases.
 */
@Service
public class QuestionReader {

    /** Most distinct mentions one question may have resolved against the directory. */
    static final int MAX_RESOLUTIONS = 16;

    private final Lexicon lexicon;
    private final EntityResolver resolver;
    private final ParaphraseMatcher phrases;

    QuestionReader(Lexicon lexicon, EntityResolver resolver, ParaphraseMatcher phrases) {
        this.lexicon = lexicon;
        this.resolver = resolver;
        this.phrases = phrases;
    }

    /**
     * How a question was understood: the form that read it, the entity, the phrase as asked with its readings (turned
     * when the question asks from the phrase's other end), the candidate of a yes/no question, and how the phrase was
     * matched.
     */
    public record Understood(String form, ResolvedEntity entity, String phrase, List<Reading> readings,
            QuestionForms.Shape shape, ResolvedEntity candidate, PhraseMatch phraseMatch) {}

    public Understood read(String question) {
        List<QuestionForms.Analysis> analyses = QuestionForms.read(question, lexicon.questionForms());
        Map<String, Resolution> resolved = new HashMap<>();
        Understood best = null;
        int bestStrength = 0;
        QuestionForms.Analysis firstKnown = null;
        UnknownEntityException firstMiss = null;
        for (QuestionForms.Analysis analysis : analyses) {
            List<Reading> readings = lexicon.readingsOf(analysis.phrase());
            if (readings.isEmpty()) {
                continue;
            }
            firstKnown = firstKnown == null ? analysis : firstKnown;
            Resolution entity = resolve(analysis.mention(), resolved);
            Resolution candidate = analysis.shape() == QuestionForms.Shape.YES_NO ? resolve(analysis.candidate(), resolved) : null;
            if (entity.miss() != null || candidate != null && candidate.miss() != null) {
                UnknownEntityException miss = entity.miss() != null ? entity.miss() : candidate.miss();
                // an ambiguous mention is reported before a mention that names nothing
                if (firstMiss == null || miss.ambiguous() && !firstMiss.ambiguous()) {
                    firstMiss = miss;
                }
                continue;
            }
            int strength = candidate == null ? entity.strength() : Math.min(entity.strength(), candidate.strength());
            if (strength > bestStrength) {
                bestStrength = strength;
                best = understood(analysis, entity.entity(), candidate == null ? null : candidate.entity(), readings,
                        new PhraseMatch(analysis.phrase(), analysis.phrase(), 1.0, PhraseMatch.Basis.KNOWN, readings));
                if (strength == Resolution.PLAIN) {
                    break;
                }
            }
        }
        if (best != null) {
            return best;
        }
        Understood similar = bySimilarity(analyses, resolved);
        if (similar != null) {
            return similar;
        }
        if (firstMiss != null) {
            throw firstMiss;
        }
        throw notUnderstood(analyses, resolved, firstKnown);
    }

    private Understood understood(QuestionForms.Analysis analysis, ResolvedEntity entity, ResolvedEntity candidate,
            List<Reading> readings, PhraseMatch match) {
        List<Reading> asked = analysis.shape() == QuestionForms.Shape.TURNED
                ? readings.stream().map(Reading::turnedAround).toList()
                : readings;
        String phrase = QuestionForms.isTemplate(analysis.phrase()) ? analysis.phrase().replaceAll("(?i)\\{x}", entity.entity().label())
                : analysis.phrase();
        return new Understood(analysis.form(), entity, phrase, asked, analysis.shape(), candidate, match);
    }

    /** Of the readings whose entity resolves but whose phrase is unknown, the first whose phrase has a close match. */
    private Understood bySimilarity(List<QuestionForms.Analysis> analyses, Map<String, Resolution> resolved) {
        for (QuestionForms.Analysis analysis : analyses) {
            if (QuestionForms.isTemplate(analysis.phrase()) || !lexicon.readingsOf(analysis.phrase()).isEmpty()
                    || lexicon.removed(analysis.phrase())) {
                continue;
            }
            Resolution entity = resolve(analysis.mention(), resolved);
            Resolution candidate = analysis.shape() == QuestionForms.Shape.YES_NO ? resolve(analysis.candidate(), resolved) : null;
            if (entity.miss() != null || candidate != null && candidate.miss() != null) {
                continue;
            }
            Optional<PhraseMatch> match = phrases.match(analysis.phrase());
            if (match.isPresent() && !match.get().readings().isEmpty()) {
                return understood(analysis, entity.entity(), candidate == null ? null : candidate.entity(),
                        match.get().readings(), match.get());
            }
        }
        return null;
    }

    /**
     * The 422 for a question no reading understood: with the entity and the unknown phrase of the first reading whose
     * entity resolved, and the known phrases nearest to it.
     */
    private QuestionNotUnderstoodException notUnderstood(List<QuestionForms.Analysis> analyses, Map<String, Resolution> resolved,
            QuestionForms.Analysis firstKnown) {
        for (QuestionForms.Analysis analysis : analyses) {
            if (QuestionForms.isTemplate(analysis.phrase()) || resolved.size() >= MAX_RESOLUTIONS && !resolved.containsKey(analysis.mention())) {
                continue;
            }
            Resolution entity = resolve(analysis.mention(), resolved);
            if (entity.miss() == null) {
                List<String> nearest = phrases.nearest(analysis.phrase(), 5).stream().map(PhraseMatch::knownPhrase).toList();
                return new QuestionNotUnderstoodException("unknown relation phrase '" + analysis.phrase() + "'",
                        entity.entity().entity().label(), analysis.phrase(), nearest);
            }
        }
        if (firstKnown != null) {
            return new QuestionNotUnderstoodException("no entity is named in the question", null, firstKnown.phrase(), List.of());
        }
        return new QuestionNotUnderstoodException(
                "no known question form: ask e.g. \"Who is X's mother?\", \"Who is the mother of X?\" or \"Whose mother is X?\"",
                null, null, List.of());
    }

    /** A mention resolved against the directory, or why not; cached for the question, bounded in number. */
    private Resolution resolve(String mention, Map<String, Resolution> resolved) {
        Resolution cached = resolved.get(mention);
        if (cached != null) {
            return cached;
        }
        if (resolved.size() >= MAX_RESOLUTIONS) {
            return new Resolution(null, new UnknownEntityException(mention, List.of(), false));
        }
        MentionMatch match = resolver.match(mention);
        Resolution resolution = match.entity().isPresent()
                ? new Resolution(match.entity().get(), null)
                : new Resolution(null, new UnknownEntityException(mention, match.candidates(), match.ambiguous()));
        resolved.put(mention, resolution);
        return resolution;
    }

    /** A mention's entity, or the miss that says why it has none. */
    private record Resolution(ResolvedEntity entity, UnknownEntityException miss) {

        static final int PLAIN = 3;

        /** How plainly the mention names its entity: exact, alias or folded 3; token-wise 2; with a typo 1. */
        int strength() {
            return switch (entity.match()) {
                case EXACT, ALIAS, FOLDED, ID -> PLAIN;
                case FUZZY -> 1;
                default -> 2;
            };
        }
    }
}
