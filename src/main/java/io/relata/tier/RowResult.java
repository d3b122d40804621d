package io.relata.tier;

import io.relata.model.Prediction;
import java.util.List;

/** What the model says for one row of an infer call: its predictions, best first, and whether it knows the entity. */
record RowResult(List<Prediction> predictions, boolean entityKnown) {}
