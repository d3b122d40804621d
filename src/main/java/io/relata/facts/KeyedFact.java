package io.relata.facts;

/** "subject's relation is object", with both ends named by key: the form every import hands the store. */
public record KeyedFact(EntityMention subject, String relation, EntityMention object) {}
