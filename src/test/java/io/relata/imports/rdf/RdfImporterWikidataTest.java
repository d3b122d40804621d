package io.relata.imports.rdf;

import static io.relata.imports.rdf.RdfRecords.builtIn;
import static io.relata.imports.rdf.RdfRecords.description;
import static io.relata.imports.rdf.RdfRecords.entity;
import static io.relata.imports.rdf.RdfRecords.fact;
import static io.relata.imports.rdf.RdfRecords.label;
import static io.relata.imports.rdf.RdfRecords.alias;
import static io.relata.imports.rdf.RdfRecords.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.relata.facts.EntityMention;
import io.relata.facts.LabelRank;
import io.relata.imports.RelationDeclaration.Symmetric;
import org.junit.jupiter.api.Test;

class RdfImporterWikidataTest {

    private static final String WD = "http://www.wikidata.org/entity/";
    private static final String ELIZABETH = WD + "Q9682";
    private static final EntityMention ELIZABETH_BY_KEY = entity(ELIZABETH, "Q9682");
    private static final EntityMention GEORGE_VI = entity(WD + "Q280856", "Q280856");
    private static final EntityMention QUEEN_MOTHER = entity(WD + "Q10633", "Q10633");
    private static final EntityMention CHARLES = entity(WD + "Q43274", "Q43274");

    private final RecordingSink sink = RdfRecords.read(builtIn("wikidata"), "wikidata-sample.nt", RdfSyntax.NTRIPLES);

    @Test
    void readsEveryTripleOfTheSampleAsTheWikidataProfileSaysOnItsOwnLine() {
        assertThat(sink.records).containsExactly(
                label(1, ELIZABETH, "Elizabeth II", LabelRank.ASKED_LANGUAGE, "en"),
                label(2, ELIZABETH, "Elisabeth II.", LabelRank.OTHER_LANGUAGE, "de"),
                label(3, ELIZABETH, "エリザベス2世", LabelRank.OTHER_LANGUAGE, "ja"),
                alias(4, ELIZABETH, "Q9682", "Lilibet", "en"),
                description(5, ELIZABETH, "Q9682", "Queen of the United Kingdom from 1952 to 2022"),
                fact(7, ELIZABETH_BY_KEY, "gender", value("female")),
                fact(8, ELIZABETH_BY_KEY, "father", GEORGE_VI),
                fact(9, ELIZABETH_BY_KEY, "mother", QUEEN_MOTHER),
                fact(10, ELIZABETH_BY_KEY, "spouse", entity(WD + "Q80976", "Q80976")),
                fact(11, CHARLES, "parent", ELIZABETH_BY_KEY),
                fact(12, ELIZABETH_BY_KEY, "born", value("1926")),
                fact(13, ELIZABETH_BY_KEY, "died", value("2022")),
                fact(14, ELIZABETH_BY_KEY, "P27", entity(WD + "Q145", "Q145")),
                label(16, WD + "Q280856", "George VI", LabelRank.ASKED_LANGUAGE, "en"),
                fact(17, GEORGE_VI, "gender", value("male")),
                label(18, WD + "Q10633", "Queen Elizabeth The Queen Mother", LabelRank.ASKED_LANGUAGE, "en-GB"),
                fact(19, CHARLES, "born", value("1948")));
        assertThat(sink.rejections).isEmpty();
    }

    @Test
    void aChildIsStoredAsTheChildsParentWhileFatherAndMotherAreStoredAsSuch() {
        assertThat(sink.facts()).filteredOn(fact -> fact.relation().equals("parent")).extracting(
                fact -> fact.subject().key() + " parent " + fact.object().key()).containsExactly(
                CHARLES.key() + " parent " + ELIZABETH);
    }

    @Test
    void spouseIsDeclaredSymmetricOnceAndNoOtherDeclarationIsMade() {
        assertThat(sink.declarations).containsExactly(new Symmetric("spouse"));
    }

    @Test
    void labelsInAnotherLanguageAreAliasesThatFindTheEntityTooButDescriptionsInOneAreLeftOut() {
        assertThat(sink.namings()).filteredOn(naming -> naming.key().equals(ELIZABETH))
                .flatExtracting(naming -> naming.aliases())
                .extracting(alias -> alias.name() + "@" + alias.lang())
                .containsExactly("Elizabeth II@en", "Elisabeth II.@de", "エリザベス2世@ja", "Lilibet@en");
        assertThat(sink.namings()).extracting(naming -> naming.description()).doesNotContain(
                "Königin des Vereinigten Königreichs");
    }

    @Test
    void aLabelInTheAskedLanguageRanksAboveTheOthersWhicheverLanguageIsAsked() {
        RecordingSink german = new RecordingSink();
        try (var in = RdfRecords.fixture("wikidata-sample.nt")) {
            new RdfImporter(builtIn("wikidata"), "de").read(in, RdfSyntax.NTRIPLES, german);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        assertThat(german.namings()).filteredOn(naming -> naming.key().equals(ELIZABETH) && naming.label() != null
                        && naming.rank() != LabelRank.FROM_KEY)
                .extracting(naming -> naming.label() + " " + naming.rank())
                .containsExactly("Elizabeth II OTHER_LANGUAGE", "Elisabeth II. ASKED_LANGUAGE", "エリザベス2世 OTHER_LANGUAGE");
        assertThat(german.namings()).extracting(naming -> naming.description()).contains(
                "Königin des Vereinigten Königreichs").doesNotContain("Queen of the United Kingdom from 1952 to 2022");
    }

    @Test
    void withoutTheProfileWikidataPropertiesKeepTheirIdsAndTheirLiteralsAreLeftOut() {
        RecordingSink generic = RdfRecords.read(builtIn(null), "wikidata-sample.nt", RdfSyntax.NTRIPLES);

        assertThat(generic.facts()).extracting(fact -> fact.relation() + " " + fact.object().label()).containsExactly(
                "P21 Q6581072", "P22 Q280856", "P25 Q10633", "P26 Q80976", "P40 Q43274", "P27 Q145", "P21 Q6581097",
                "version 1234567");
        assertThat(generic.declarations).isEmpty();
    }
}
