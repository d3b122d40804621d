package io.relata.model;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model version in memory, ready to score. Questions pin it while they use it; once retired (another version was
 * activated) it frees its native memory when the last pin is released.
 */
final class LoadedModel {

    private static final int CLOSED = -1;

    private final ComplEx embeddings;
    private final ModelManifest manifest;
    private final Vocabulary vocabulary;
    private final Map<Long, Integer> entityIndex;
    private final Map<String, Integer> relationIndex;
    private final Roles roles;
    private final Cardinality cardinality;
    private final AtomicInteger pins = new AtomicInteger();
    private volatile boolean retired;

    LoadedModel(ComplEx embeddings, ModelManifest manifest, Vocabulary vocabulary, Roles roles, Cardinality cardinality) {
        this.embeddings = embeddings;
        this.roles = roles;
        this.cardinality = cardinality;
        this.manifest = manifest;
        this.vocabulary = vocabulary;
        this.entityIndex = vocabulary.entityIndex();
        this.relationIndex = vocabulary.relationIndex();
    }

    ComplEx embeddings() {
        return embeddings;
    }

    Roles roles() {
        return roles;
    }

    Cardinality cardinality() {
        return cardinality;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    ModelManifest manifest() {
        return manifest;
    }

    ModelStatus status() {
        return ModelStatus.loaded(manifest.version(), Devices.name(embeddings.device()));
    }

    Integer entityIndex(long entityId) {
        return entityIndex.get(entityId);
    }

    Integer relationIndex(String relation) {
        return relationIndex.get(relation);
    }

    long entityId(int index) {
        return vocabulary.entityIds()[index];
    }

    /** Takes a pin unless the model is already closed. */
    boolean pin() {
        while (true) {
            int current = pins.get();
            if (current == CLOSED) {
                return false;
            }
            if (pins.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void unpin() {
        if (pins.decrementAndGet() == 0 && retired) {
            closeIfUnpinned();
        }
    }

    /** No new pins after this; closes now if nobody holds one, else when the last one is released. */
    void retire() {
        retired = true;
        closeIfUnpinned();
    }

    private void closeIfUnpinned() {
        if (pins.compareAndSet(0, CLOSED)) {
            embeddings.close();
        }
    }
}
