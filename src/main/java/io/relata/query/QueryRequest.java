package io.relata.query;

import io.relata.InvalidInputException;
import io.relata.lexicon.Direction;
import java.util.EnumSet;
import java.util.Set;

/**
 * A question, either in words ({@code question}) or structured ({@code entity}, {@code relation}, {@code direction},
 * and a {@code candidate} for a yes/no question), with its options. Checks itself: exactly one form, limit and
 * confidence in range.
 */
public record QueryRequest(
        String question, String entity, String relation, Direction direction, String candidate,
        int limit, double minConfidence, Set<Evidence> evidence) {

    public QueryRequest {
        boolean asked = question != null;
        boolean structured = entity != null || relation != null || direction != null || candidate != null;
        if (asked == structured) {
            throw new InvalidInputException(asked
                    ? "give either a question or entity/relation/direction, not both"
                    : "give a question, or an entity and a relation");
        }
        if (asked && question.isBlank()) {
            throw new InvalidInputException("question must not be blank");
        }
        if (structured && (entity == null || entity.isBlank() || relation == null || relation.isBlank())) {
            throw new InvalidInputException("a structured query needs both entity and relation");
        }
        if (direction == Direction.MIXED) {
            throw new InvalidInputException("direction must be forward, inverse or symmetric");
        }
        if (limit < 1) {
            throw new InvalidInputException("limit must be at least 1");
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new InvalidInputException("minConfidence must be between 0 and 1");
        }
        if (structured && candidate != null && candidate.isBlank()) {
            throw new InvalidInputException("candidate must not be blank");
        }
        if (evidence == null || evidence.isEmpty()) {
            throw new InvalidInputException("evidence must name at least one of stated, derived, inferred");
        }
        evidence = Set.copyOf(EnumSet.copyOf(evidence));
    }

    public boolean structured() {
        return question == null;
    }
}
