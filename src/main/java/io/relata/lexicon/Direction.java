package io.relata.lexicon;

/** Which end of a stored relation a question asks for. */
public enum Direction {
    /** Asks for the object given the subject: "Who is Tom Cruise's mother?". */
    FORWARD,
    /** Asks for the subject given the object: "Whose mother is Mary Lee Pfeiffer?". */
    INVERSE,
    /** The relation reads the same both ways (spouse, sibling): either end answers. */
    SYMMETRIC,
    /** A path that goes forward on one step and inverse on another; only for composed readings. */
    MIXED;

    /** The direction of the same step walked from the other end. */
    public Direction converse() {
        return switch (this) {
            case FORWARD -> INVERSE;
            case INVERSE -> FORWARD;
            default -> this;
        };
    }

    /** The direction of a path whose steps go this way and then {@code next}'s way. */
    public Direction then(Direction next) {
        if (this == next || next == SYMMETRIC) {
            return this;
        }
        return this == SYMMETRIC ? next : MIXED;
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Direction fromWire(String value) {
        for (Direction d : values()) {
            if (d.wireName().equals(value)) {
                return d;
            }
        }
        throw new IllegalArgumentException("direction must be one of forward, inverse, symmetric; was '" + value + "'");
    }
}
