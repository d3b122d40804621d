package io.relata.model;

import java.util.Optional;

/** The model version that answers questions, as training sees it: which one it is, where models run, and switching. */
public interface ActiveModel {

    /** The manifest of the version that answers now, if any. */
    Optional<ModelManifest> activeManifest();

    /** Loads a version and makes it the one that answers; a damaged version is refused and the current one stays. */
    ModelManifest activate(String version);

    /** The device models are trained and served on here: cpu or gpu. */
    String deviceName();
}
