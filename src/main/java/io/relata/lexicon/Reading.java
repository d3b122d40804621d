package io.relata.lexicon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** One way to answer a relation phrase: a path of steps from the asked entity to the answers, and an optional filter. */
public record Reading(List<Step> path, Optional<AnswerFilter> filter) {

    public Reading {
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a reading needs at least one step");
        }
    }

    public static Reading of(String relation, Direction direction) {
        return new Reading(List.of(new Step(relation, direction)), Optional.empty());
    }

    /** The direction of the whole path. */
    public Direction direction() {
        Direction result = path.get(0).direction();
        for (Step step : path.subList(1, path.size())) {
            result = result.then(step.direction());
        }
        return result;
    }

    /** The relation names along the path, joined by '/' ("father/mother" for a paternal grandmother). */
    public String relationName() {
        return String.join("/", path.stream().map(Step::relation).toList());
    }

    /** The same reading asked from the other end: "Whose son is X?" walks "son" backwards. */
    public Reading turnedAround() {
        List<Step> reversed = new ArrayList<>(path.stream().map(Step::converse).toList());
        Collections.reverse(reversed);
        return new Reading(reversed, filter.map(AnswerFilter::turnedAround));
    }
}
