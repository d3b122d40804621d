package io.relata.model;

import java.util.Set;

/**
 * One question for the model: the missing object of (entity, relation) or, when {@code inverse}, its missing subject.
 * {@code statedAnswers} are the answers stated facts already give this slot: the model's other candidates are their
 * rivals, and a slot that is full by the relation's cardinality (a person has one mother) leaves them little chance.
 * With a {@code candidate}, the model judges that one entity only, whatever its rank (a yes/no question).
 */
public record LinkQuery(long entityId, String relation, boolean inverse, Set<Long> statedAnswers, Long candidate) {

    public LinkQuery {
        statedAnswers = Set.copyOf(statedAnswers);
    }

    public LinkQuery(long entityId, String relation, boolean inverse, Set<Long> statedAnswers) {
        this(entityId, relation, inverse, statedAnswers, null);
    }

    /** A question whose slot no stated fact fills. */
    public LinkQuery(long entityId, String relation, boolean inverse) {
        this(entityId, relation, inverse, Set.of(), null);
    }
}
