package io.relata.imports.rdf;

import java.util.Locale;
import java.util.Optional;

/** How a profile reads a triple (A p B) as a fact of its relation. */
public enum MappingDirection {
    /** The fact (A relation B). */
    FORWARD,
    /** The fact (B relation A): {@code isMotherOf} read as {@code mother}. */
    INVERSE,
    /** The fact (A relation B), with the relation declared to hold both ways. */
    SYMMETRIC;

    /** The name in a profile's JSON: forward, inverse, symmetric. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The direction a profile's JSON names, if it names one. */
    public static Optional<MappingDirection> ofJsonName(String name) {
        for (MappingDirection direction : values()) {
            if (direction.jsonName().equals(name)) {
                return Optional.of(direction);
            }
        }
        return Optional.empty();
    }
}
