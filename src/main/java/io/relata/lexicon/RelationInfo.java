package io.relata.lexicon;

/** A relation relata knows: named by a fact or declared in the lexicon. */
public record RelationInfo(String name, boolean symmetric, String description, String origin) {

    /** The reading of the relation's own name: "mother" asks for the mother. */
    public Reading ownReading() {
        return Reading.of(name, symmetric ? Direction.SYMMETRIC : Direction.FORWARD);
    }
}
