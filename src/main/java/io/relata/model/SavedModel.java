package io.relata.model;

/** A saved model version opened outside the service: its manifest, its vocabulary and the model itself. */
public record SavedModel(ModelManifest manifest, Vocabulary vocabulary, TrainedModel model) implements AutoCloseable {

    @Override
    public void close() {
        model.close();
    }
}
