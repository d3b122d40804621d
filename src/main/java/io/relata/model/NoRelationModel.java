package io.relata.model;

import java.util.List;
import org.springframework.stereotype.Component;

/** The model seam while no model is loaded: it predicts nothing, and answers say so. */
@Component
class NoRelationModel implements RelationModel {

    @Override
    public ModelStatus status() {
        return ModelStatus.none();
    }

    @Override
    public List<List<Prediction>> predict(List<LinkQuery> queries, int k) {
        return queries.stream().map(q -> List.<Prediction>of()).toList();
    }

    @Override
    public boolean knowsEntity(long entityId) {
        return false;
    }
}
