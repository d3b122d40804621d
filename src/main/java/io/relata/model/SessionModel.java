package io.relata.model;

import java.util.List;

/**
 * A relation model that answers through sessions: a call outside a question opens a session of its own, so it is
 * answered by one model version as a question's calls are.
 */
public abstract class SessionModel implements RelationModel {

    @Override
    public abstract ModelSession open();

    @Override
    public List<List<Prediction>> predict(List<LinkQuery> queries, int k) {
        try (ModelSession session = open()) {
            return session.predict(queries, k);
        }
    }

    @Override
    public boolean knowsEntity(long entityId) {
        try (ModelSession session = open()) {
            return session.knowsEntity(entityId);
        }
    }
}
