package io.relata.model;

/** One question for the model: the missing object of (entity, relation) or, when {@code inverse}, its missing subject. */
public record LinkQuery(long entityId, String relation, boolean inverse) {}
