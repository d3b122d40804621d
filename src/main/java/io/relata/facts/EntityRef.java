package io.relata.facts;

/** An entity as it is shown to users: its id and its label. */
public record EntityRef(long id, String label) {}
