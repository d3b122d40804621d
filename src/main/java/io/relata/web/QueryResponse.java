package io.relata.web;

import io.relata.lexicon.AnswerFilter;
import io.relata.lexicon.Reading;
import io.relata.query.Answer;
import io.relata.query.QueryResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON answer to a question (api.md): the entity, the readings used, the answers and which model answered. */
record QueryResponse(
        String question,
        EntityView entity,
        ResolutionView resolution,
        String relation,
        PhraseMatchView phraseMatch,
        String direction,
        List<ReadingView> readings,
        List<AnswerView> answers,
        VerificationView verification,
        ModelView model) {

    record EntityView(String id, String label) {}

    /** How the entity mention was matched: exact, alias, folded, fuzzy. */
    record ResolutionView(String mention, String match) {}

    /** A reading; {@code path} lists the steps of a composed reading such as grandmother. */
    record ReadingView(String relation, String direction, Map<String, String> filter, String filterAppliesTo, List<StepView> path) {}

    record StepView(String relation, String direction) {}

    /** A derived answer also names the {@code path} of stated facts walked to it. */
    record AnswerView(EntityView entity, double confidence, String evidence, StepView reading, String filter, List<StepView> path) {}

    /**
     * How the relation phrase was matched: {@code known} (it is a lexicon phrase), {@code spelling} (written another
     * way or misspelt) or {@code meaning} (similar by a sentence-embedding model), to which known phrase, how similar.
     */
    record PhraseMatchView(String asked, String matched, String by, Double similarity) {}

    /**
     * The verdict of a yes/no question: whether it holds, the probability of that verdict, the kinds of evidence it
     * rests on (stated, derived, inferred), and the answers that support or contradict it.
     */
    record VerificationView(EntityView candidate, boolean holds, double confidence, List<String> evidence,
            List<SupportView> support) {}

    /** One thing a verdict rests on: an answer, and whether it is the candidate (for) or another answer (against). */
    record SupportView(AnswerView answer, boolean supports) {}

    /**
     * Which model answered: its version and device, the tier (local or remote) and status (loaded, none or unavailable);
     * {@code loaded} false means answers come from stated facts alone, {@code entityKnown} whether the model was trained
     * with the asked entity.
     */
    record ModelView(String version, String device, String tier, String status, boolean loaded, Boolean entityKnown) {}

    static QueryResponse of(QueryResult result) {
        return new QueryResponse(
                result.question(),
                new EntityView(Long.toString(result.entity().entity().id()), result.entity().entity().label()),
                new ResolutionView(result.entity().mention(), wire(result.entity().match())),
                result.relation(),
                phraseMatch(result),
                result.direction().wireName(),
                result.readings().stream().map(QueryResponse::reading).toList(),
                result.answers().stream().map(QueryResponse::answer).toList(),
                verification(result),
                new ModelView(result.model().version(), result.model().device(), result.model().tier(),
                        result.model().state().wireName(), result.model().loaded(),
                        result.model().loaded() ? result.entityKnownToModel() : null));
    }

    static ReadingView reading(Reading reading) {
        Map<String, String> filter = reading.filter().map(f -> Map.of(f.attribute(), f.value())).orElse(null);
        String appliesTo = reading.filter()
                .filter(f -> f.target() == AnswerFilter.Target.ENTITY)
                .map(f -> "entity")
                .orElse(null);
        List<StepView> path = reading.path().size() > 1
                ? reading.path().stream().map(s -> new StepView(s.relation(), s.direction().wireName())).toList()
                : null;
        return new ReadingView(reading.relationName(), reading.direction().wireName(), filter, appliesTo, path);
    }

    private static AnswerView answer(Answer answer) {
        return new AnswerView(
                new EntityView(Long.toString(answer.entity().id()), answer.entity().label()),
                Math.round(answer.confidence() * 10_000) / 10_000.0,
                wire(answer.evidence()),
                new StepView(answer.reading().relationName(), answer.reading().direction().wireName()),
                wire(answer.filter()),
                answer.derivation().isEmpty() ? null
                        : answer.derivation().stream().map(s -> new StepView(s.relation(), s.direction().wireName())).toList());
    }

    private static PhraseMatchView phraseMatch(QueryResult result) {
        var m = result.phraseMatch();
        if (m == null) {
            return null;
        }
        boolean known = m.basis() == io.relata.lexicon.PhraseMatch.Basis.KNOWN;
        return new PhraseMatchView(m.phrase(), m.knownPhrase(), wire(m.basis()), known ? null : Math.round(m.similarity() * 1000) / 1000.0);
    }

    private static VerificationView verification(QueryResult result) {
        var v = result.verification();
        if (v == null) {
            return null;
        }
        return new VerificationView(new EntityView(Long.toString(v.candidate().id()), v.candidate().label()), v.holds(),
                Math.round(v.confidence() * 10_000) / 10_000.0,
                v.evidence().stream().map(QueryResponse::wire).toList(),
                v.support().stream().map(s -> new SupportView(answer(s.answer()), s.forCandidate())).toList());
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
