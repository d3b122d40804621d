package io.relata.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.relata.InvalidInputException;
import io.relata.RelataProperties;
import io.relata.TooLargeException;
import io.relata.lexicon.Direction;
import io.relata.lexicon.Lexicon;
import io.relata.lexicon.Reading;
import io.relata.lexicon.RelationInfo;
import io.relata.model.ModelBusyException;
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
    private final AnswerFinder finder;
    private final RelataProperties.Query settings;
    private final MeterRegistry meters;
    private final Semaphore slots;

    QueryService(Lexicon lexicon, EntityResolver resolver, AnswerFinder finder, RelataProperties properties,
            MeterRegistry meters) {
        this.lexicon = lexicon;
        this.resolver = resolver;
        this.finder = finder;
        this.settings = properties.query();
        this.meters = meters;
        this.slots = new Semaphore(settings.maxConcurrent(), true);
    }

    /** The plan of a question: the phrase as asked and the readings that answer it. */
    private record Plan(String mention, String phrase, List<Reading> readings) {
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
                ResolvedEntity entity = resolver.resolve(plan.mention());
                AnswerFinder.Found found = finder.find(entity.entity().id(), plan.readings(), request.evidence(),
                        request.limit(), request.minConfidence());
                outcome = found.answers().isEmpty() ? "empty" : "answered";
                for (Answer answer : found.answers()) {
                    String evidence = answer.evidence().name().toLowerCase(Locale.ROOT);
                    meters.summary("relata.answers.confidence", "evidence", evidence).record(answer.confidence());
                }
                return new QueryResult(request.question(), entity, plan.phrase(), plan.direction(), plan.readings(),
                        found.answers(), found.model(), found.entityKnownToModel());
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
        } catch (OverloadedException | ModelBusyException e) {
            outcome = "overloaded";
            throw e;
        } finally {
            sample.stop(meters.timer("relata.queries",
                    "direction", direction, "outcome", outcome, "form", request.structured() ? "structured" : "question"));
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
        ParsedQuestion parsed = QuestionParser.parse(question, lexicon::knows);
        List<Reading> readings = lexicon.readingsOf(parsed.phrase());
        if (readings.isEmpty()) {
            throw new QuestionNotUnderstoodException(
                    "unknown relation phrase '" + parsed.phrase() + "'", parsed.mention(), parsed.phrase());
        }
        return new Plan(parsed.mention(), parsed.phrase(),
                parsed.turned() ? readings.stream().map(Reading::turnedAround).toList() : readings);
    }

    /** A stored relation is read as asked; otherwise the relation is taken as a lexicon phrase, turned for inverse. */
    private Plan planStructured(QueryRequest request) {
        Optional<RelationInfo> relation = lexicon.relation(request.relation());
        if (relation.isPresent()) {
            RelationInfo r = relation.get();
            Direction direction = r.symmetric() ? Direction.SYMMETRIC
                    : request.direction() == null ? Direction.FORWARD : request.direction();
            return new Plan(request.entity(), r.name(), List.of(Reading.of(r.name(), direction)));
        }
        List<Reading> readings = lexicon.readingsOf(request.relation());
        if (readings.isEmpty()) {
            throw new QuestionNotUnderstoodException(
                    "unknown relation '" + request.relation() + "'", request.entity(), request.relation());
        }
        boolean turned = request.direction() == Direction.INVERSE;
        return new Plan(request.entity(), request.relation().strip().toLowerCase(Locale.ROOT),
                turned ? readings.stream().map(Reading::turnedAround).toList() : readings);
    }
}
