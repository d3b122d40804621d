package io.relata.model;

/** A candidate answer from the model with its calibrated probability of being correct. */
public record Prediction(long entityId, double probability) {}
