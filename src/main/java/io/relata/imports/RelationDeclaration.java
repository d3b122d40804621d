package io.relata.imports;

/** What a file declares about its relations, for the lexicon: converses, symmetry, one relation reading another. */
public sealed interface RelationDeclaration {

    /** {@code relation} read backwards is {@code converse} ({@code owl:inverseOf}). */
    record Inverse(String relation, String converse) implements RelationDeclaration {}

    /** The relation holds both ways ({@code owl:SymmetricProperty}). */
    record Symmetric(String relation) implements RelationDeclaration {}

    /** Every fact of {@code relation} is also one of {@code broader} ({@code rdfs:subPropertyOf}). */
    record Narrower(String relation, String broader) implements RelationDeclaration {}
}
