package io.relata.lexicon;

import java.util.Objects;

/**
 * A condition a reading puts on an attribute, such as gender = male for "son". It applies to the answer, or, once a
 * reading is turned around ("Whose son is X?"), to the asked entity.
 */
public record AnswerFilter(String attribute, String value, Target target) {

    /** Which entity the condition is about. */
    public enum Target { ANSWER, ENTITY }

    public AnswerFilter {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(target, "target");
    }

    public static AnswerFilter onAnswer(String attribute, String value) {
        return new AnswerFilter(attribute, value, Target.ANSWER);
    }

    AnswerFilter turnedAround() {
        return new AnswerFilter(attribute, value, target == Target.ANSWER ? Target.ENTITY : Target.ANSWER);
    }
}
