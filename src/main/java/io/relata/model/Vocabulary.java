package io.relata.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which store entity and which relation each row of a model's tables stands for. */
public record Vocabulary(long[] entityIds, List<String> entityLabels, List<String> relations) {

    public Vocabulary {
        if (entityIds.length != entityLabels.size()) {
            throw new IllegalArgumentException("entity ids and labels differ in number");
        }
        entityLabels = List.copyOf(entityLabels);
        relations = List.copyOf(relations);
    }

    Map<Long, Integer> entityIndex() {
        Map<Long, Integer> index = new HashMap<>(entityIds.length * 2);
        for (int i = 0; i < entityIds.length; i++) {
            index.put(entityIds[i], i);
        }
        return index;
    }

    Map<String, Integer> relationIndex() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < relations.size(); i++) {
            index.put(relations.get(i), i);
        }
        return index;
    }
}
