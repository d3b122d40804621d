package io.relata.query;

/**
 * What a question asks: the entity it names and the relation phrase it uses. {@code turned} is set for "Whose R is X?",
 * which asks the phrase from its other end.
 */
public record ParsedQuestion(String mention, String phrase, boolean turned) {}
