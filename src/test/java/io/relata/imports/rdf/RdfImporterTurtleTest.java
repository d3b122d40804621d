package io.relata.imports.rdf;

import static io.relata.imports.rdf.RdfRecords.builtIn;
import static io.relata.imports.rdf.RdfRecords.entity;
import static io.relata.imports.rdf.RdfRecords.fact;
import static io.relata.imports.rdf.RdfRecords.label;
import static io.relata.imports.rdf.RdfRecords.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.relata.facts.EntityMention;
import io.relata.facts.LabelRank;
import io.relata.imports.RelationDeclaration.Inverse;
import io.relata.imports.RelationDeclaration.Narrower;
import io.relata.imports.RelationDeclaration.Symmetric;
import io.relata.imports.rdf.ImportProfile.PredicateMapping;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdfImporterTurtleTest {

    private static final String FAM = "http://example.org/family#";
    private static final EntityMention ANNE = entity(FAM + "anne", "anne");
    private static final EntityMention BOB = entity(FAM + "bob", "bob");

    @Test
    void turnsTheOntologyIntoDeclarationsAndLeavesClassesAndDomainsOut() {
        RecordingSink sink = RdfRecords.read(builtIn(null), "declarations.ttl", RdfSyntax.TURTLE);

        assertThat(sink.declarations).containsExactly(
                new Inverse("has mother", "is mother of"),
                new Narrower("has mother", "has parent"),
                new Inverse("has parent", "is parent of"),
                new Symmetric("is sibling of"),
                new Narrower("is mother of", "is parent of"));
    }

    @Test
    void readsTheFamilyWithLineZeroAndABlankNodeKeyedForThisReadOnly() {
        RecordingSink sink = RdfRecords.read(builtIn(null), "declarations.ttl", RdfSyntax.TURTLE);

        String dora = sink.records.get(5).entities().get(0).key();
        assertThat(dora).matches("_:[0-9a-f]{12}-blank 1");
        assertThat(sink.records).containsExactly(
                label(0, FAM + "anne", "Anne", LabelRank.ASKED_LANGUAGE, "en"),
                fact(0, ANNE, "is mother of", BOB),
                fact(0, ANNE, "is sibling of", entity(FAM + "carla", "carla")),
                label(0, FAM + "bob", "Bob", LabelRank.ASKED_LANGUAGE, null),
                fact(0, BOB, "birth date", value("1990")),
                label(0, dora, "Dora", LabelRank.ASKED_LANGUAGE, null),
                fact(0, BOB, "godparent", entity(dora, "blank 1")));
    }

    @Test
    void aMappedInversePredicateTurnsTheDeclarationsAboutItRound() {
        ImportProfile profile = new ImportProfile("family", List.of(
                new PredicateMapping(FAM + "isMotherOf", "mother", MappingDirection.INVERSE),
                new PredicateMapping(FAM + "isSiblingOf", "sibling", MappingDirection.SYMMETRIC)),
                List.of(), List.of(), List.of());

        RecordingSink sink = RdfRecords.read(profile, "declarations.ttl", RdfSyntax.TURTLE);

        // hasMother(A,B) is isMotherOf(B,A), stored as mother(A,B): "has mother" is "mother" by another name, and
        // isMotherOf ⊂ isParentOf says mother read backwards is narrower than "is parent of", which nothing can say.
        assertThat(sink.declarations).containsExactly(
                new Narrower("has mother", "mother"),
                new Narrower("has mother", "has parent"),
                new Inverse("has parent", "is parent of"),
                new Symmetric("sibling"));
        assertThat(sink.facts()).contains(
                new io.relata.facts.KeyedFact(BOB, "mother", ANNE),
                new io.relata.facts.KeyedFact(ANNE, "sibling", entity(FAM + "carla", "carla")));
    }

    @Test
    void eachReadGivesTheSameBlankNodesNewKeys() {
        RecordingSink first = RdfRecords.read(builtIn(null), "declarations.ttl", RdfSyntax.TURTLE);
        RecordingSink second = RdfRecords.read(builtIn(null), "declarations.ttl", RdfSyntax.TURTLE);

        assertThat(first.records.get(5).entities().get(0).key())
                .isNotEqualTo(second.records.get(5).entities().get(0).key());
    }

    @Test
    void aSyntaxErrorIsOneRejectionAtRiotsLineAndColumnAndKeepsWhatCameBeforeIt() {
        String turtle = """
                @prefix ex: <http://example.org/> .
                ex:anne ex:knows ex:bob .
                ex:bob ex:knows ex:carla ex:dora .
                ex:carla ex:knows ex:anne .
                """;

        RecordingSink sink = RdfRecords.readText(builtIn(null), "en", turtle, RdfSyntax.TURTLE);

        // RIOT hands on bob's triple as soon as its object is read, before it finds no dot after it.
        assertThat(sink.records).containsExactly(
                fact(0, entity("http://example.org/anne", "anne"), "knows", entity("http://example.org/bob", "bob")),
                fact(0, entity("http://example.org/bob", "bob"), "knows", entity("http://example.org/carla", "carla")));
        assertThat(sink.rejections).containsExactly(
                new RecordingSink.Rejection(3, "Triples not terminated by DOT (line 3, column 26)"));
    }

    @Test
    void aRelativeIriIsResolvedAgainstTheSameBaseWhereverTheServerRuns() {
        RecordingSink sink = RdfRecords.readText(builtIn(null), "en", "<#me> <knows> <people/you> .", RdfSyntax.TURTLE);

        assertThat(sink.records).containsExactly(fact(0, entity("https://relata.invalid/#me", "me"), "knows",
                entity("https://relata.invalid/people/you", "you")));
    }

    @Test
    void aVocabularySubjectOrObjectMakesNoFact() {
        String turtle = """
                @prefix ex: <http://example.org/> .
                @prefix owl: <http://www.w3.org/2002/07/owl#> .
                owl:Thing ex:note ex:anne .
                ex:anne ex:kind owl:Thing .
                ex:anne ex:knows ex:bob .
                """;

        RecordingSink sink = RdfRecords.readText(builtIn(null), "en", turtle, RdfSyntax.TURTLE);

        assertThat(sink.facts()).extracting(fact -> fact.relation()).containsExactly("knows");
    }

    @Test
    void returnsTheNumberOfTriplesReadWhetherTheyMadeRecordsOrNot() throws Exception {
        try (var in = RdfRecords.fixture("declarations.ttl")) {
            assertThat(new RdfImporter(builtIn(null), "en").read(in, RdfSyntax.TURTLE, new RecordingSink())).isEqualTo(16);
        }
    }
}
