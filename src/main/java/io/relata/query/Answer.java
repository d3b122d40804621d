package io.relata.query;

import io.relata.facts.EntityRef;
import io.relata.lexicon.Reading;
import io.relata.lexicon.Step;
import java.util.List;

/**
 * One answer: the entity, how likely it is right, what says so, by which reading, whether the filter holds, and for a
 * derived answer the path of stated facts walked to it.
 */
public record Answer(EntityRef entity, double confidence, Evidence evidence, Reading reading, FilterStatus filter,
        List<Step> derivation) {

    public Answer {
        derivation = derivation == null ? List.of() : List.copyOf(derivation);
    }

    public Answer(EntityRef entity, double confidence, Evidence evidence, Reading reading, FilterStatus filter) {
        this(entity, confidence, evidence, reading, filter, List.of());
    }
}
