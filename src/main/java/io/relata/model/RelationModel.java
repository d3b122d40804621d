package io.relata.model;

import java.util.List;

/**
 * The seam between question answering and the relation model: given (entity, relation, direction) queries, the model
 * scores every entity as the missing end and returns the best k. A forward query (h, r, ?) and an inverse query
 * (?, r, t) are the same operation, the latter through the reciprocal relation r⁻¹.
 */
public interface RelationModel {

    ModelStatus status();

    /** For each query, in order, at most {@code k} predictions sorted by probability, descending. */
    List<List<Prediction>> predict(List<LinkQuery> queries, int k);

    /** Whether the model was trained with this entity (entities added since are answered from stated facts only). */
    boolean knowsEntity(long entityId);
}
