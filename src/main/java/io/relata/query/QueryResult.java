package io.relata.query;

import io.relata.lexicon.Direction;
import io.relata.lexicon.Reading;
import io.relata.model.ModelStatus;
import java.util.List;

/** The answer to one question, with the metadata that says how it was read and answered. */
public record QueryResult(
        String question,
        ResolvedEntity entity,
        String relation,
        Direction direction,
        List<Reading> readings,
        List<Answer> answers,
        ModelStatus model,
        boolean entityKnownToModel) {}
