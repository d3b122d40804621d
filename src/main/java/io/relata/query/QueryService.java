package io.relata.query;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.relata.InvalidInputException;
import io.relata.RelataProperties;
import io.relata.TooLargeException;
import io.relata.lexicon.Direction;
import io.relata.lexicon.Lexicon;
import io.relata.lexicon.PhraseMatch;
import io.relata.lexicon.Reading;
import io.relata.lexicon.RelationInfo;
import io.relata.model.ModelBusyException;
import io.relata.model.ModelUnavailableException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;

/** Answers one question end to end: parse, resolve, plan, answer; timed by direction and outcome. */
@Service
public class QueryService {

    private final Lexicon lexicon;
    private final EntityResolver resolver;
    private final QuestionReader reader;
    private final AnswerFinder finder;
    private final RelataProperties.Query settings;
    private final MeterRegistry meters;
    private final Semaphore slots;

    QueryService(Lexicon lexicon, EntityResolver resolver, QuestionReader reader, AnswerFinder finder,
            RelataProperties properties, MeterRegistry meters) {
        this.lexicon = lexicon;
        this.resolver = resolver;
        this.reader = reader;
        this.finder = finder;
        this.settings = properties.query();
        this.meters = meters;
        this.slots = new Semaphore(settings.maxConcurrent(), true);
    }

    /**
     * The plan of a question: the entity, the phrase as asked and the readings that answer it, the candidate of a
     * yes/no question, and how the phrase was matched and by which form.
     */
    private record Plan(ResolvedEntity entity, String phrase, List<Reading> readings, ResolvedEntity candidate,
            PhraseMatch phraseMatch, String form) {
        Direction direction() {
            return readings.stream().map(Reading::direction).reduce(Direction::then).orElseThrow();
        }
    }

    public QueryResult answer(QueryRequest request) {
        Timer.Sample sample = Timer.start(meters);
        String direction = "none";
        String outcome = "error";
        try {
            acquireSlot();
            try {
                Plan plan = request.structured() ? planStructured(request) : planQuestion(request.question());
                direction = plan.direction().wireName();
                long entity = plan.entity().entity().id();
                AnswerFinder.Found found = finder.find(entity, plan.readings(), request.evidence(),
                        request.limit(), request.minConfidence());
                Verification verification = plan.candidate() == null ? null
                        : finder.verify(entity, plan.readings(), plan.candidate().entity().id(), request.evidence(), request.limit());
                outcome = verification != null ? "verified" : found.answers().isEmpty() ? "empty" : "answered";
                for (Answer answer : found.answers()) {
                    String evidence = answer.evidence().name().toLowerCase(Locale.ROOT);
                    DistributionSummary.builder("relata.answers.confidence").tag("evidence", evidence).baseUnit("ratio")
                            .description("Confidence of the answers returned, by evidence (stated, derived, inferred)")
                            .register(meters).record(answer.confidence());
                }
                return new QueryResult(request.question(), plan.entity(), plan.phrase(), plan.direction(), plan.readings(),
                        found.answers(), found.model(), found.entityKnownToModel(), plan.phraseMatch(), plan.form(),
                        verification);
            } finally {
                slots.release();
            }
        } catch (QuestionNotUnderstoodException e) {
            outcome = "not_understood";
            throw e;
        } catch (UnknownEntityException e) {
            outcome = "unknown_entity";
            throw e;
        } catch (InvalidInputException | TooLargeException e) {
            outcome = "invalid";
            throw e;
        } catch (OverloadedException | ModelBusyException | QuestionTimeoutException e) {
            outcome = "overloaded";
            throw e;
        } catch (ModelUnavailableException e) {
            outcome = "model_unavailable";
            throw e;
        } catch (QuestionTooBroadException e) {
            outcome = "too_broad";
            throw e;
        } finally {
            sample.stop(Timer.builder("relata.queries")
                    .tags("direction", direction, "outcome", outcome, "form", request.structured() ? "structured" : "question")
                    .description("Time to answer a question, by direction, outcome and form (question or structured)")
                    .register(meters));
        }
    }

    private void acquireSlot() {
        try {
            if (!slots.tryAcquire(settings.queueTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new OverloadedException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OverloadedException();
        }
    }

    private Plan planQuestion(String question) {
        if (question.length() > settings.maxQuestionLength()) {
            throw new TooLargeException("the question has " + question.length() + " characters; at most "
                    + settings.maxQuestionLength() + " are read");
        }
        QuestionReader.Understood understood = reader.read(question);
        return new Plan(understood.entity(), understood.phrase(), understood.readings(), understood.candidate(),
                understood.phraseMatch(), understood.form());
    }

    /** A stored relation is read as asked; otherwise the relation is taken as a lexicon phrase, turned for inverse. */
    private Plan planStructured(QueryRequest request) {
        ResolvedEntity entity = resolver.resolve(request.entity());
        ResolvedEntity candidate = request.candidate() == null ? null : resolver.resolve(request.candidate());
        Optional<RelationInfo> relation = lexicon.relation(request.relation());
        if (relation.isPresent()) {
            RelationInfo r = relation.get();
            Direction direction = r.symmetric() ? Direction.SYMMETRIC
                    : request.direction() == null ? Direction.FORWARD : request.direction();
            List<Reading> own = List.of(Reading.of(r.name(), direction));
            return new Plan(entity, r.name(), own, candidate, new PhraseMatch(r.name(), r.name(), 1.0, PhraseMatch.Basis.KNOWN, own),
                    "structured");
        }
        List<Reading> readings = lexicon.readingsOf(request.relation());
        if (readings.isEmpty()) {
            throw new QuestionNotUnderstoodException(
                    "unknown relation '" + request.relation() + "'", request.entity(), request.relation());
        }
        boolean turned = request.direction() == Direction.INVERSE;
        String phrase = request.relation().strip().toLowerCase(Locale.ROOT);
        List<Reading> asked = turned ? readings.stream().map(Reading::turnedAround).toList() : readings;
        return new Plan(entity, phrase, asked, candidate, new PhraseMatch(phrase, phrase, 1.0, PhraseMatch.Basis.KNOWN, readings),
                "structured");
    }
}
