package io.relata.model;

import java.util.Set;

/**
 * One question for the model: the missing object of (entity, relation) or, when {@code inverse}, its missing subject.
 * {@code statedAnswers} are the answers stated facts already give this slot: the model's other candidates are their
 * rivals, and a slot that is full by the relation's cardinality (a person has one mother) leaves them little chance.
 */
public record LinkQuery(long entityId, String relation, boolean inverse, Set<Long> statedAnswers) {

    public LinkQuery {
        statedAnswers = Set.copyOf(statedAnswers);
    }

    /** A question whose slot no stated fact fills. */
    public LinkQuery(long entityId, String relation, boolean inverse) {
        this(entityId, relation, inverse, Set.of());
    }
}
