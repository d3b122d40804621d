package io.relata.facts;

/** Another name of an entity, with the language it is in when the source says ({@code en}, {@code ja}; else null). */
public record Alias(String name, String lang) {}
