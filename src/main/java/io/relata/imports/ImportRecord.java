package io.relata.imports;

import io.relata.facts.EntityNaming;
import io.relata.facts.KeyedFact;
import java.util.List;

/**
 * One record of an imported file, stored whole or not at all: a triple, or a GEDCOM INDI or FAM record with what it
 * says of its entities and the facts it states. {@code line} is the line it starts on.
 */
public record ImportRecord(long line, List<EntityNaming> entities, List<KeyedFact> facts) {

    public ImportRecord {
        entities = List.copyOf(entities);
        facts = List.copyOf(facts);
    }
}
