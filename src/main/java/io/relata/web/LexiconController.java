package io.relata.web;

import io.relata.InvalidInputException;
import io.relata.TextInput;
import io.relata.TooLargeException;
import io.relata.lexicon.AnswerFilter;
import io.relata.lexicon.Direction;
import io.relata.lexicon.Lexicon;
import io.relata.lexicon.Phrases;
import io.relata.lexicon.Reading;
import io.relata.lexicon.RelationInfo;
import io.relata.lexicon.Step;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The relation lexicon: list it, declare relations with their phrases, give phrases readings, delete them, restore it. */
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
    @Operation(operationId = "getLexicon", summary = "List relations and phrases with their readings")
    LexiconView list() {
        Map<String, List<QueryResponse.ReadingView>> phrases = new java.util.TreeMap<>();
        lexicon.phrases().forEach((phrase, readings) -> phrases.put(phrase, readings.stream().map(QueryResponse::reading).toList()));
        return new LexiconView(lexicon.relations(), phrases);
    }

    @PostMapping("/v1/lexicon/relations")
    @Operation(operationId = "declareRelation", summary = "Declare a relation and the phrases that ask for it",
            description = "phrases ask for the object (forward); conversePhrases ask for the subject (inverse). "
                    + "Declaring a known relation again adds phrases; symmetric, when omitted, stays as it was. "
                    + "At most " + Lexicon.MAX_PHRASES_PER_REQUEST + " phrases in one request (413), a name of 500 and "
                    + "a description of 1000 characters.")
    Changed declare(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
            name = "director", value = """
                    {"name":"director","description":"the person who directed the film",
                     "phrases":["director","directed by whom"],"conversePhrases":["directed by","films directed by","film directed by"]}""")))
            @RequestBody RelationBody body) {
        if (body == null) {
            throw new InvalidInputException("a relation needs a name");
        }
        String name = TextInput.check("name", body.name(), TextInput.LABEL_LENGTH);
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
    @Operation(operationId = "addPhrase", summary = "Give a phrase readings over known relations",
            description = "At most " + Lexicon.MAX_READINGS_PER_PHRASE + " readings a phrase and "
                    + Lexicon.MAX_PATH_STEPS + " steps a reading; at most " + Lexicon.MAX_PHRASES + " phrases in all (409).")
    Changed addPhrase(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
            name = "stepson", value = """
                    {"phrase":"stepson","readings":[{"path":[{"relation":"spouse","direction":"symmetric"},
                     {"relation":"mother","direction":"inverse"}],"filter":{"gender":"male"}}]}""")))
            @RequestBody PhraseBody body) {
        if (body == null || body.phrase() == null || body.readings() == null) {
            throw new InvalidInputException("a phrase needs 'phrase' and 'readings'");
        }
        if (body.readings().size() > Lexicon.MAX_READINGS_PER_PHRASE) {
            throw new TooLargeException(body.readings().size() + " readings for one phrase; at most "
                    + Lexicon.MAX_READINGS_PER_PHRASE);
        }
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < body.readings().size(); i++) {
            readings.add(reading("readings[" + i + "]", body.readings().get(i)));
        }
        return new Changed(lexicon.addPhrase(body.phrase(), readings, "user"));
    }

    /** A phrase's readings as stored, each with the id that deletes it. */
    record PhraseView(String phrase, List<StoredReadingView> readings) {}

    record StoredReadingView(long id, String origin, QueryResponse.ReadingView reading) {}

    @GetMapping("/v1/lexicon/phrases/{phrase}")
    @Operation(operationId = "getPhrase", summary = "A phrase's readings with their ids (to delete one) and origin (builtin or user)")
    PhraseView phrase(@Parameter(description = "The phrase", example = "son") @PathVariable String phrase) {
        return new PhraseView(Phrases.normalize(phrase), lexicon.storedReadings(phrase).stream()
                .map(r -> new StoredReadingView(r.id(), r.origin(), QueryResponse.reading(r.reading()))).toList());
    }

    @DeleteMapping("/v1/lexicon/phrases/{phrase}")
    @Operation(operationId = "deletePhrase", summary = "Delete a phrase with all its readings",
            description = "A built-in phrase stays deleted across restarts until POST /v1/lexicon/restore-defaults. "
                    + "An unknown phrase is a 404 (unknown-phrase).")
    Lexicon.DeleteSummary deletePhrase(@Parameter(description = "The phrase", example = "mum") @PathVariable String phrase) {
        return lexicon.deletePhrase(phrase);
    }

    @DeleteMapping("/v1/lexicon/phrases/{phrase}/readings/{id}")
    @Operation(operationId = "deleteReading", summary = "Delete one reading of a phrase",
            description = "The id is listed by GET /v1/lexicon/phrases/{phrase}. An unknown phrase or reading is a 404.")
    Lexicon.DeleteSummary deleteReading(@Parameter(description = "The phrase", example = "mother") @PathVariable String phrase,
            @Parameter(description = "The reading's id") @PathVariable long id) {
        return lexicon.deleteReading(phrase, id);
    }

    @DeleteMapping("/v1/lexicon/relations/{name}")
    @Operation(operationId = "deleteRelation", summary = "Delete a relation and every reading that walks it",
            description = "Refused with 409 (relation-in-use) while stored facts name the relation. A built-in relation "
                    + "stays deleted across restarts until POST /v1/lexicon/restore-defaults. Unknown: 404 (unknown-relation).")
    Lexicon.DeleteSummary deleteRelation(@Parameter(description = "The relation's name", example = "born") @PathVariable String name) {
        return lexicon.deleteRelation(name);
    }

    @PostMapping("/v1/lexicon/restore-defaults")
    @Operation(operationId = "restoreLexiconDefaults", summary = "Put the built-in lexicon back as shipped",
            description = "Deleted built-in relations and readings come back and built-in relations get their shipped "
                    + "symmetry and description. Readings users added are deleted, and so are relations users declared "
                    + "that no fact names, unless keepUserAdditions=true.")
    Lexicon.RestoreSummary restoreDefaults(@Parameter(description = "Keep the relations and readings users added")
            @RequestParam(defaultValue = "false") boolean keepUserAdditions) {
        return lexicon.restoreDefaults(keepUserAdditions);
    }

    private static Reading reading(String field, ReadingBody body) {
        if (body == null) {
            throw new InvalidInputException(field + " must not be null");
        }
        List<Step> path = new ArrayList<>();
        if (body.path() != null && !body.path().isEmpty()) {
            if (body.path().size() > Lexicon.MAX_PATH_STEPS) {
                throw new InvalidInputException(field + ".path has " + body.path().size() + " steps; at most "
                        + Lexicon.MAX_PATH_STEPS);
            }
            for (int i = 0; i < body.path().size(); i++) {
                StepBody step = body.path().get(i);
                String stepField = field + ".path[" + i + "]";
                path.add(step(stepField, step == null ? null : step.relation(), step == null ? null : step.direction()));
            }
        } else {
            path.add(step(field, body.relation(), body.direction()));
        }
        Optional<AnswerFilter> filter = Optional.empty();
        if (body.filter() != null && !body.filter().isEmpty()) {
            if (body.filter().size() > 1) {
                throw new InvalidInputException(field + ".filter takes one attribute");
            }
            Map.Entry<String, String> f = body.filter().entrySet().iterator().next();
            filter = Optional.of(AnswerFilter.onAnswer(
                    TextInput.check(field + ".filter attribute", f.getKey(), TextInput.LABEL_LENGTH),
                    TextInput.check(field + ".filter." + f.getKey(), f.getValue(), TextInput.LABEL_LENGTH)));
        }
        return new Reading(path, filter);
    }

    private static Step step(String field, String relation, String direction) {
        String name = TextInput.check(field + ".relation", relation, TextInput.LABEL_LENGTH);
        try {
            Direction d = direction == null ? Direction.FORWARD : Direction.fromWire(direction.strip());
            if (d == Direction.MIXED) {
                throw new IllegalArgumentException("a step's direction is forward, inverse or symmetric");
            }
            return new Step(name, d);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field + ".direction: " + e.getMessage());
        }
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
