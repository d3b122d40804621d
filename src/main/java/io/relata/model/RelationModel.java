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

    /**
     * Pins the model that is active now for the calls of one question, so that a model activated meanwhile never
     * answers half of it. Close the session when the question is answered.
     */
    default ModelSession open() {
        RelationModel model = this;
        return new ModelSession() {
            @Override
            public ModelStatus status() {
                return model.status();
            }

            @Override
            public List<List<Prediction>> predict(List<LinkQuery> queries, int[] k) {
                List<List<Prediction>> results = new java.util.ArrayList<>();
                for (int i = 0; i < queries.size(); i++) {
                    results.add(model.predict(List.of(queries.get(i)), k[i]).get(0));
                }
                return results;
            }

            @Override
            public boolean knowsEntity(long entityId) {
                return model.knowsEntity(entityId);
            }

            @Override
            public void close() {}
        };
    }

    /** One model, held for the duration of a question. */
    interface ModelSession extends AutoCloseable {

        ModelStatus status();

        /** For each query, in order, at most {@code k} predictions sorted by probability, descending. */
        default List<List<Prediction>> predict(List<LinkQuery> queries, int k) {
            int[] each = new int[queries.size()];
            java.util.Arrays.fill(each, k);
            return predict(queries, each);
        }

        /** For each query, in order, at most {@code k[i]} predictions sorted by probability, descending. */
        List<List<Prediction>> predict(List<LinkQuery> queries, int[] k);

        boolean knowsEntity(long entityId);

        @Override
        void close();
    }
}
