package io.relata.query;

import io.relata.lexicon.Direction;
import io.relata.lexicon.PhraseMatch;
import io.relata.lexicon.Reading;
import io.relata.model.ModelStatus;
import java.util.List;

/**
 * The answer to one question, with the metadata that says how it was read and answered: the entity, the relation
 * phrase and how it was matched, the direction and readings, the answers, the verdict of a yes/no question, and which
 * model was consulted.
 */
public record QueryResult(
        String question,
        ResolvedEntity entity,
        String relation,
        Direction direction,
        List<Reading> readings,
        List<Answer> answers,
        ModelStatus model,
        boolean entityKnownToModel,
        PhraseMatch phraseMatch,
        String form,
        Verification verification) {

    public QueryResult(String question, ResolvedEntity entity, String relation, Direction direction, List<Reading> readings,
            List<Answer> answers, ModelStatus model, boolean entityKnownToModel) {
        this(question, entity, relation, direction, readings, answers, model, entityKnownToModel, null, null, null);
    }
}
