package io.relata.web;

import io.relata.InvalidInputException;
import io.relata.lexicon.AnswerFilter;
import io.relata.lexicon.Direction;
import io.relata.lexicon.Lexicon;
import io.relata.lexicon.Reading;
import io.relata.lexicon.RelationInfo;
import io.relata.lexicon.Step;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The relation lexicon: list it, declare relations with their phrases, give phrases readings. */
@RestController
@Tag(name = "Lexicon", description = "Which relation phrases relata understands and how it reads them")
class LexiconController {

    private final Lexicon lexicon;

    LexiconController(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    record LexiconView(List<RelationInfo> relations, Map<String, List<QueryResponse.ReadingView>> phrases) {}

    /**
     * A relation to declare: its name, symmetry and description, the phrases that ask for its object (forward) and for
     * its subject (converse), and whole question forms with {X} for the entity that do the same ("where was {X} born").
     */
    record RelationBody(String name, Boolean symmetric, String description, List<String> phrases, List<String> conversePhrases,
            List<String> questions, List<String> converseQuestions) {}

    record PhraseBody(String phrase, List<ReadingBody> readings) {}

    /** A reading: one step (relation, direction) or a path of steps, and an optional filter such as {"gender":"male"}. */
    record ReadingBody(String relation, String direction, List<StepBody> path, Map<String, String> filter) {}

    record StepBody(String relation, String direction) {}

    record Changed(int readingsAdded) {}

    @GetMapping("/v1/lexicon")
    @Operation(summary = "List relations and phrases with their readings")
    LexiconView list() {
        Map<String, List<QueryResponse.ReadingView>> phrases = new java.util.TreeMap<>();
        lexicon.phrases().forEach((phrase, readings) -> phrases.put(phrase, readings.stream().map(QueryResponse::reading).toList()));
        return new LexiconView(lexicon.relations(), phrases);
    }

    @PostMapping("/v1/lexicon/relations")
    @Operation(summary = "Declare a relation and the phrases that ask for it",
            description = "phrases ask for the object (forward); conversePhrases ask for the subject (inverse). "
                    + "Declaring a known relation again adds phrases; symmetric, when omitted, stays as it was.")
    Changed declare(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
            name = "director", value = """
                    {"name":"director","description":"the person who directed the film",
                     "phrases":["director","directed by whom"],"conversePhrases":["directed by","films directed by","film directed by"]}""")))
            @RequestBody RelationBody body) {
        if (body == null || body.name() == null) {
            throw new InvalidInputException("a relation needs a name");
        }
        String name = body.name().strip();
        // an omitted "symmetric" keeps what the relation is: re-declaring spouse to add a phrase must not make it one-way
        boolean symmetric = body.symmetric() != null
                ? body.symmetric()
                : lexicon.relation(name).map(RelationInfo::symmetric).orElse(false);
        RelationInfo relation = new RelationInfo(name, symmetric, body.description(), "user");
        List<String> forward = new ArrayList<>(orEmpty(body.phrases()));
        forward.addAll(questionForms(body.questions(), "questions"));
        List<String> converse = new ArrayList<>(orEmpty(body.conversePhrases()));
        converse.addAll(questionForms(body.converseQuestions(), "converseQuestions"));
        return new Changed(lexicon.declare(relation, forward, converse));
    }

    /** Question forms must name the entity once, as {X}. */
    private static List<String> questionForms(List<String> forms, String field) {
        for (String form : orEmpty(forms)) {
            if (form == null || !form.toLowerCase(java.util.Locale.ROOT).contains("{x}")) {
                throw new InvalidInputException(field + ": a question form names the entity as {X}, e.g. \"where was {X} born\"");
            }
        }
        return orEmpty(forms);
    }

    @PostMapping("/v1/lexicon/phrases")
    @Operation(summary = "Give a phrase readings over known relations")
    Changed addPhrase(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
            name = "stepson", value = """
                    {"phrase":"stepson","readings":[{"path":[{"relation":"spouse","direction":"symmetric"},
                     {"relation":"mother","direction":"inverse"}],"filter":{"gender":"male"}}]}""")))
            @RequestBody PhraseBody body) {
        if (body == null || body.phrase() == null || body.readings() == null) {
            throw new InvalidInputException("a phrase needs 'phrase' and 'readings'");
        }
        List<Reading> readings = new ArrayList<>();
        for (ReadingBody r : body.readings()) {
            readings.add(reading(r));
        }
        return new Changed(lexicon.addPhrase(body.phrase(), readings, "user"));
    }

    private static Reading reading(ReadingBody body) {
        if (body == null) {
            throw new InvalidInputException("a reading must not be null");
        }
        List<Step> path = new ArrayList<>();
        if (body.path() != null && !body.path().isEmpty()) {
            for (StepBody step : body.path()) {
                path.add(step(step == null ? null : step.relation(), step == null ? null : step.direction()));
            }
        } else {
            path.add(step(body.relation(), body.direction()));
        }
        Optional<AnswerFilter> filter = Optional.empty();
        if (body.filter() != null && !body.filter().isEmpty()) {
            if (body.filter().size() > 1) {
                throw new InvalidInputException("a reading takes one filter attribute");
            }
            Map.Entry<String, String> f = body.filter().entrySet().iterator().next();
            if (f.getValue() == null || f.getValue().isBlank()) {
                throw new InvalidInputException("filter value must not be blank");
            }
            filter = Optional.of(AnswerFilter.onAnswer(f.getKey(), f.getValue().strip()));
        }
        return new Reading(path, filter);
    }

    private static Step step(String relation, String direction) {
        if (relation == null || relation.isBlank()) {
            throw new InvalidInputException("a step needs a relation");
        }
        try {
            Direction d = direction == null ? Direction.FORWARD : Direction.fromWire(direction.strip());
            if (d == Direction.MIXED) {
                throw new IllegalArgumentException("a step's direction is forward, inverse or symmetric");
            }
            return new Step(relation.strip(), d);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
