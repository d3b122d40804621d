package io.relata.lexicon;

import java.util.Objects;

/** One hop of a reading: follow {@code relation} in {@code direction}. */
public record Step(String relation, Direction direction) {

    public Step {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(direction, "direction");
        if (direction == Direction.MIXED) {
            throw new IllegalArgumentException("a single step cannot be mixed");
        }
    }

    public Step converse() {
        return new Step(relation, direction.converse());
    }
}
