package io.relata.imports.rdf;

import static io.relata.imports.rdf.RdfRecords.entity;
import static io.relata.imports.rdf.RdfRecords.label;
import static org.assertj.core.api.Assertions.assertThat;

import io.relata.facts.EntityMention;
import io.relata.facts.KeyedFact;
import io.relata.facts.LabelRank;
import io.relata.imports.RelationDeclaration.Inverse;
import io.relata.imports.RelationDeclaration.Narrower;
import io.relata.imports.rdf.ImportProfile.PredicateMapping;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Romanov family of the Family History Knowledge Base, as the public RDF/XML file beside the project has it. */
class RdfImporterFhkbTest {

    private static final Path TSARS = Path.of("../shared/data/family-tsars/tsars.ged.ttl.owl");
    private static final Path HEADER = Path.of("../shared/data/family-tsars/header.ttl");
    private static final String FHKB = "http://www.example.com/genealogy.owl#";
    private static final ImportProfile PROFILE = new ImportProfile("fhkb", List.of(
            new PredicateMapping(FHKB + "isMotherOf", "mother", MappingDirection.INVERSE),
            new PredicateMapping(FHKB + "isFatherOf", "father", MappingDirection.INVERSE)),
            List.of(), List.of(), List.of());

    private final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void readTheTsars() throws IOException {
        Assumptions.assumeTrue(Files.exists(TSARS), "the FHKB file is not beside the project");
        try (InputStream in = Files.newInputStream(TSARS)) {
            new RdfImporter(PROFILE, "en").read(in, RdfSyntax.RDFXML, sink);
        }
    }

    @Test
    void mihailFedorovichRomanovIsTheFatherOfAleksejMihajlovich() {
        EntityMention mihail = individual(0);
        EntityMention aleksej = individual(2);

        assertThat(sink.facts()).contains(new KeyedFact(aleksej, "father", mihail));
        assertThat(sink.records).contains(
                label(0, FHKB + "i0", "Mihail Fedorovich Romanov", LabelRank.ASKED_LANGUAGE, null),
                label(0, FHKB + "i2", "Aleksej Mihajlovich Romanov", LabelRank.ASKED_LANGUAGE, null));
    }

    @Test
    void evdokijaLukjanovnaStreshnevaIsHisMother() {
        assertThat(sink.facts()).contains(new KeyedFact(individual(2), "mother", individual(1)));
        assertThat(sink.records).contains(
                label(0, FHKB + "i1", "Evdokija Lukjanovna Streshneva", LabelRank.ASKED_LANGUAGE, null));
    }

    @Test
    void readsTwentyMothersAndTwentyFathersEachTheChildsRelation() {
        List<KeyedFact> parents = sink.facts().stream()
                .filter(fact -> fact.relation().equals("mother") || fact.relation().equals("father")).toList();

        assertThat(parents).filteredOn(fact -> fact.relation().equals("mother")).hasSize(20);
        assertThat(parents).filteredOn(fact -> fact.relation().equals("father")).hasSize(20);
        assertThat(parents).contains(new KeyedFact(individual(28), "mother", individual(27)));
        assertThat(sink.rejections).isEmpty();
    }

    @Test
    void theInverseOfAMappedPredicateIsDeclaredAsTheMappedRelationByAnotherName() {
        assertThat(sink.declarations).contains(
                new Narrower("has father", "father"),
                new Narrower("has mother", "mother"),
                new Inverse("has parent", "is parent of"),
                new Narrower("has father", "has parent"));
        assertThat(sink.declarations).doesNotContain(new Inverse("has father", "father"),
                new Inverse("father", "has father"));
    }

    @Test
    void classesRestrictionsAndTypesMakeNoFactAndNoEntity() {
        assertThat(sink.facts()).allSatisfy(fact -> {
            assertThat(fact.subject().key()).startsWith(FHKB + "i");
            assertThat(fact.object().key()).startsWith(FHKB + "i");
        });
        assertThat(sink.namings()).allSatisfy(naming -> assertThat(naming.key()).startsWith(FHKB + "i"));
    }

    @Test
    void theTurtleHeaderBesideItReadsAsDeclarationsOnly() throws IOException {
        Assumptions.assumeTrue(Files.exists(HEADER), "the FHKB header is not beside the project");
        RecordingSink header = new RecordingSink();

        try (InputStream in = Files.newInputStream(HEADER)) {
            new RdfImporter(PROFILE, "en").read(in, RdfSyntax.TURTLE, header);
        }

        assertThat(header.rejections).isEmpty();
        assertThat(header.records).isEmpty();
        assertThat(header.declarations).contains(new Narrower("has father", "father"));
    }

    private static EntityMention individual(int number) {
        return entity(FHKB + "i" + number, "i" + number);
    }
}
