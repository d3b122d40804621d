package io.relata.facts;

/** A fact as given: "subject's relation is object", in labels. */
public record FactInput(String subject, String relation, String object) {}
