package io.relata.imports.rdf;

import io.relata.imports.RecordSink;
import io.relata.imports.RelationDeclaration;
import io.relata.imports.RelationDeclaration.Inverse;
import io.relata.imports.RelationDeclaration.Narrower;
import io.relata.imports.RelationDeclaration.Symmetric;
import io.relata.imports.rdf.PredicateRules.PredicateRule;
import java.util.HashSet;
import java.util.Set;

/**
 * What an ontology says of its properties ({@code owl:inverseOf}, {@code owl:SymmetricProperty},
 * {@code rdfs:subPropertyOf}) as declarations about the relations the profile stores them as. A predicate mapped
 * {@code inverse} stores (A p B) as (B r A), so a statement about p is turned round before it is said of r: with
 * {@code isFatherOf} read inversely as "father", {@code hasFather owl:inverseOf isFatherOf} means "has father" is
 * "father" itself, which is declared as "has father" reading "father".
 */
final class Declarations {

    /** Ontologies declare a few hundred things; past this many the sink sees repeats rather than the reader growing. */
    private static final int REMEMBERED = 10_000;

    private final PredicateRules rules;
    private final RecordSink sink;
    private final Set<RelationDeclaration> declared = new HashSet<>();

    Declarations(PredicateRules rules, RecordSink sink) {
        this.rules = rules;
        this.sink = sink;
    }

    /** {@code p owl:inverseOf q}. */
    void inverse(String p, String q) {
        PredicateRule first = relationOf(p);
        PredicateRule second = relationOf(q);
        if (first == null || second == null) {
            return;
        }
        if (isSymmetric(first) || isSymmetric(second) || turnsRound(first, second)) {
            // p(A,B) and q(B,A) are then stored the same way round: one relation under two names.
            same(first, second);
        } else if (first.relation().equals(second.relation())) {
            declare(new Symmetric(first.relation()));
        } else {
            declare(new Inverse(first.relation(), second.relation()));
        }
    }

    /** {@code p rdf:type owl:SymmetricProperty}. */
    void symmetric(String p) {
        PredicateRule rule = relationOf(p);
        if (rule != null) {
            declare(new Symmetric(rule.relation()));
        }
    }

    /** The profile maps a predicate {@code symmetric}: said once per import, at its first fact. */
    void symmetricRelation(String relation) {
        declare(new Symmetric(relation));
    }

    /**
     * {@code p rdfs:subPropertyOf q}. When exactly one of them is stored turned round, p's facts are q's read
     * backwards, which no declaration can say: nothing is declared.
     */
    void narrower(String p, String q) {
        PredicateRule narrower = relationOf(p);
        PredicateRule broader = relationOf(q);
        if (narrower == null || broader == null || narrower.relation().equals(broader.relation())) {
            return;
        }
        if (isSymmetric(narrower) || isSymmetric(broader) || !turnsRound(narrower, broader)) {
            declare(new Narrower(narrower.relation(), broader.relation()));
        }
    }

    private void same(PredicateRule first, PredicateRule second) {
        if (first.relation().equals(second.relation())) {
            return;
        }
        // The relation the profile names is the one questions use; the file's other name reads it.
        boolean secondIsTheNamedOne = second.mapped() || !first.mapped();
        declare(secondIsTheNamedOne ? new Narrower(first.relation(), second.relation())
                : new Narrower(second.relation(), first.relation()));
    }

    private PredicateRule relationOf(String predicate) {
        PredicateRule rule = rules.of(predicate);
        return rule.kind() == PredicateRule.Kind.FACT ? rule : null;
    }

    private static boolean isSymmetric(PredicateRule rule) {
        return rule.direction() == MappingDirection.SYMMETRIC;
    }

    private static boolean turnsRound(PredicateRule first, PredicateRule second) {
        return (first.direction() == MappingDirection.INVERSE) != (second.direction() == MappingDirection.INVERSE);
    }

    private void declare(RelationDeclaration declaration) {
        // "a read backwards is b" and "b read backwards is a" say the same.
        RelationDeclaration key = declaration instanceof Inverse inverse
                && inverse.relation().compareTo(inverse.converse()) > 0
                ? new Inverse(inverse.converse(), inverse.relation()) : declaration;
        if (declared.contains(key)) {
            return;
        }
        if (declared.size() < REMEMBERED) {
            declared.add(key);
        }
        sink.declare(declaration);
    }
}
