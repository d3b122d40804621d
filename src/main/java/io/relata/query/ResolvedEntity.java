package io.relata.query;

import io.relata.facts.EntityRef;

/** The entity a mention was resolved to, and how. */
public record ResolvedEntity(EntityRef entity, String mention, MatchKind match) {}
