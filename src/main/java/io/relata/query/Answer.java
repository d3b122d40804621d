package io.relata.query;

import io.relata.facts.EntityRef;
import io.relata.lexicon.Reading;

/** One answer: the entity, how likely it is right, what says so, by which reading, and whether the filter holds. */
public record Answer(EntityRef entity, double confidence, Evidence evidence, Reading reading, FilterStatus filter) {}
