package io.relata.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.relata.facts.EntityRef;
import io.relata.lexicon.AnswerFilter;
import io.relata.lexicon.Reading;
import io.relata.query.Answer;
import io.relata.query.QueryResult;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON answer to a question (api.md): the entity, the readings used, the answers and which model answered. */
@Schema(description = "The answer to a question: the entity asked about, how the question was read, the answers with "
        + "calibrated confidences, and which model answered")
record QueryResponse(
        @Schema(description = "The question as asked (absent for a structured query)", example = "Who is Mary Lee Pfeiffer's son?")
                String question,
        EntityView entity,
        ResolutionView resolution,
        @Schema(description = "The relation phrase as understood", example = "son") String relation,
        PhraseMatchView phraseMatch,
        @Schema(description = DIRECTION, allowableValues = {"forward", "inverse", "symmetric", "mixed"}, example = "inverse")
                String direction,
        @Schema(description = "The readings that answer the phrase: stored relations, their direction and filter")
                List<ReadingView> readings,
        @Schema(description = "The answers, most confident first; empty means nothing is known") List<AnswerView> answers,
        VerificationView verification,
        ModelView model) {

    static final String DIRECTION = "forward: the question asks for the object of the relation given its subject; inverse: "
            + "the subject given the object; symmetric: a symmetric relation; mixed: a composed reading that turns";

    @Schema(name = "Entity", description = "An entity: its id, its unique key (an IRI, SOURCE:XREF for a GEDCOM record, "
            + "the label for plain facts), its label (which need not be unique) and, when there is one, a description "
            + "that tells it from others of the same label")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EntityView(@Schema(example = "42") String id, @Schema(example = "Tom Cruise") String key,
            @Schema(example = "Tom Cruise") String label,
            @Schema(example = "1819–1901, Queen of the United Kingdom") String description) {

        static EntityView of(EntityRef entity) {
            return new EntityView(Long.toString(entity.id()), entity.key(), entity.label(), entity.description());
        }
    }

    /** How the entity mention was matched: exact, alias, folded, token, fuzzy. */
    @Schema(name = "Resolution", description = "How the entity mention was matched")
    record ResolutionView(@Schema(example = "mary lee pfeifer") String mention,
            @Schema(allowableValues = {"exact", "key", "alias", "folded", "token", "fuzzy", "id"}, example = "fuzzy") String match) {}

    /** A reading; {@code path} lists the steps of a composed reading such as grandmother. */
    @Schema(name = "Reading", description = "A way the phrase is answered: a stored relation read in a direction, with an "
            + "optional filter on the answer (gender = male for son); path lists the steps of a composed reading")
    record ReadingView(@Schema(example = "mother") String relation,
            @Schema(allowableValues = {"forward", "inverse", "symmetric", "mixed"}, example = "inverse") String direction,
            @Schema(description = "One attribute the answer must have", example = "{\"gender\":\"male\"}") Map<String, String> filter,
            @Schema(description = "entity when the filter applies to the asked entity rather than the answer",
                    allowableValues = {"entity"}) String filterAppliesTo,
            List<StepView> path) {}

    @Schema(name = "Step", description = "One stored relation walked in a direction")
    record StepView(@Schema(example = "mother") String relation,
            @Schema(allowableValues = {"forward", "inverse", "symmetric"}, example = "inverse") String direction) {}

    /** A derived answer also names the {@code path} of stated facts walked to it. */
    @Schema(name = "Answer", description = "An answer with its calibrated confidence and what it rests on")
    record AnswerView(EntityView entity,
            @Schema(description = "Probability in [0,1] that the answer is correct for the question asked", example = "0.97")
                    double confidence,
            @Schema(description = "stated: a stored fact says so; derived: stored facts imply it; inferred: the model alone",
                    allowableValues = {"stated", "derived", "inferred"}, example = "stated") String evidence,
            StepView reading,
            @Schema(description = "none: the reading has no filter; satisfied: a stated fact satisfies it; guessed: the "
                    + "model guessed the attribute; unknown: neither (violated answers are not returned)",
                    allowableValues = {"none", "satisfied", "guessed", "unknown", "violated"}, example = "satisfied")
                    String filter,
            @Schema(description = "The stated facts walked to a derived answer") List<StepView> path) {}

    /**
     * How the relation phrase was matched: {@code known} (it is a lexicon phrase), {@code spelling} (written another
     * way or misspelt) or {@code meaning} (similar by a sentence-embedding model), to which known phrase, how similar.
     */
    @Schema(name = "PhraseMatch", description = "How the relation phrase was read as a known one, and how similar they are")
    record PhraseMatchView(String asked, String matched,
            @Schema(description = "known: a lexicon phrase or relation name, singular or plural; spelling: one written "
                    + "another way or misspelt; meaning: a paraphrase, nearest by a sentence-embedding model",
                    allowableValues = {"known", "spelling", "meaning"}) String by, Double similarity) {}

    /**
     * The verdict of a yes/no question: whether it holds, the probability of that verdict, the kinds of evidence it
     * rests on (stated, derived, inferred), and the answers that support or contradict it.
     */
    @Schema(name = "Verification", description = "The verdict of a yes/no question")
    record VerificationView(EntityView candidate, boolean holds,
            @Schema(description = "Calibrated probability of the verdict, at least 0.5", example = "0.93") double confidence,
            @ArraySchema(schema = @Schema(allowableValues = {"stated", "derived", "inferred"}),
                    arraySchema = @Schema(description = "The kinds of evidence the verdict rests on")) List<String> evidence,
            List<SupportView> support) {}

    /** One thing a verdict rests on: an answer, and whether it is the candidate (for) or another answer (against). */
    @Schema(name = "Support", description = "An answer a verdict rests on, for or against the candidate")
    record SupportView(AnswerView answer, boolean supports) {}

    /**
     * Which model answered: its version and device, the tier (local or remote) and status (loaded, none or unavailable);
     * {@code loaded} false means answers come from stated facts alone, {@code entityKnown} whether the model was trained
     * with the asked entity.
     */
    @Schema(name = "AnsweringModel", description = "Which model answered, where, and whether it could")
    record ModelView(@Schema(example = "v20260105-100012-3fa1b2c4") String version,
            @Schema(allowableValues = {"cpu", "gpu"}, example = "cpu") String device,
            @Schema(description = "local: the model runs in this process; remote: a model tier answered",
                    allowableValues = {"local", "remote"}, example = "local") String tier,
            @Schema(description = "loaded: a model answered; none: no model yet; unavailable: the model tier did not answer "
                    + "(stated and derived answers only)", allowableValues = {"loaded", "none", "unavailable"},
                    example = "loaded") String status,
            boolean loaded,
            @Schema(description = "Whether the model was trained with the asked entity") Boolean entityKnown) {}

    static QueryResponse of(QueryResult result) {
        return new QueryResponse(
                result.question(),
                EntityView.of(result.entity().entity()),
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
                EntityView.of(answer.entity()),
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
        return new VerificationView(EntityView.of(v.candidate()), v.holds(),
                Math.round(v.confidence() * 10_000) / 10_000.0,
                v.evidence().stream().map(QueryResponse::wire).toList(),
                v.support().stream().map(s -> new SupportView(answer(s.answer()), s.forCandidate())).toList());
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
