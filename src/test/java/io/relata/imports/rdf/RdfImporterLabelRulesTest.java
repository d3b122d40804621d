package io.relata.imports.rdf;

import static io.relata.imports.rdf.RdfRecords.builtIn;
import static io.relata.imports.rdf.RdfRecords.description;
import static io.relata.imports.rdf.RdfRecords.entity;
import static io.relata.imports.rdf.RdfRecords.fact;
import static io.relata.imports.rdf.RdfRecords.label;
import static io.relata.imports.rdf.RdfRecords.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.relata.TextInput;
import io.relata.facts.LabelRank;
import io.relata.imports.rdf.ImportProfile.PredicateMapping;
import io.relata.imports.rdf.RecordingSink.Rejection;
import java.util.List;
import org.junit.jupiter.api.Test;

class RdfImporterLabelRulesTest {

    private static final String EX = "http://example.org/";
    private static final String ANNE = EX + "anne";

    private static RecordingSink read(ImportProfile profile, String lang, String... lines) {
        return RdfRecords.readText(profile, lang, String.join("\n", lines) + "\n", RdfSyntax.NTRIPLES);
    }

    private static String triple(String predicate, String object) {
        return "<" + ANNE + "> <" + predicate + "> " + object + " .";
    }

    @Test
    void everyLabelVocabularyGivesALabelAndTheAskedLanguageMatchesItsRegionalVarieties() {
        RecordingSink sink = read(builtIn(null), "en",
                triple("http://www.w3.org/2004/02/skos/core#prefLabel", "\"Anne\"@en-GB"),
                triple("https://schema.org/name", "\"Anne B.\""),
                triple("http://schema.org/name", "\"Anna\"@de"),
                triple("http://xmlns.com/foaf/0.1/name", "\"Annie\"@eng"));

        assertThat(sink.records).containsExactly(
                label(1, ANNE, "Anne", LabelRank.ASKED_LANGUAGE, "en-GB"),
                label(2, ANNE, "Anne B.", LabelRank.ASKED_LANGUAGE, null),
                label(3, ANNE, "Anna", LabelRank.OTHER_LANGUAGE, "de"),
                label(4, ANNE, "Annie", LabelRank.OTHER_LANGUAGE, "eng"));
    }

    @Test
    void labelsAreCleanedAndCutToTheLabelColumnButValuesTooLongAreLeftOutWhole() {
        String longText = "a".repeat(TextInput.LABEL_LENGTH + 20);
        RecordingSink sink = read(builtIn(null), "en",
                triple("http://www.w3.org/2000/01/rdf-schema#label", "\"  Anne \\t  Boleyn \""),
                triple("http://www.w3.org/2000/01/rdf-schema#label", "\"" + longText + "\""),
                triple(EX + "motto", "\"" + longText + "\""),
                triple(EX + "motto", "\"The Most Happy\""));

        assertThat(sink.records).containsExactly(
                label(1, ANNE, "Anne Boleyn", LabelRank.ASKED_LANGUAGE, null),
                label(2, ANNE, "a".repeat(TextInput.LABEL_LENGTH), LabelRank.ASKED_LANGUAGE, null),
                fact(4, entity(ANNE, "anne"), "motto", value("The Most Happy")));
    }

    @Test
    void aLabelWithACharacterNoLabelMayHoldIsRejectedWithTheReason() {
        RecordingSink sink = read(builtIn(null), "en",
                triple("http://www.w3.org/2000/01/rdf-schema#label", "\"Anne\\u200BBoleyn\""),
                triple(EX + "motto", "\"Most\\u0007Happy\""));

        assertThat(sink.records).isEmpty();
        assertThat(sink.rejections).containsExactly(
                new Rejection(1, "the label contains an invisible format character U+200B at character 5"),
                new Rejection(2, "the value contains a control character U+0007 at character 5"));
    }

    @Test
    void descriptionsAreCutToTheDescriptionColumnAndReadFromTheProfilesPredicatesToo() {
        String longText = "b".repeat(TextInput.DESCRIPTION_LENGTH + 5);
        ImportProfile profile = new ImportProfile("notes", List.of(), List.of(EX + "called"), List.of(EX + "note"),
                List.of(EX + "secret"));
        RecordingSink sink = read(profile, "en",
                triple("http://schema.org/description", "\"" + longText + "\"@en"),
                triple(EX + "note", "\"Queen of England\""),
                triple(EX + "note", "\"Königin von England\"@de"),
                triple(EX + "called", "\"Nan\"@en"),
                triple(EX + "secret", "\"none\""),
                triple(EX + "secret", "<" + EX + "bob>"));

        assertThat(sink.records).containsExactly(
                description(1, ANNE, "anne", "b".repeat(TextInput.DESCRIPTION_LENGTH)),
                description(2, ANNE, "anne", "Queen of England"),
                label(4, ANNE, "Nan", LabelRank.ASKED_LANGUAGE, "en"));
    }

    @Test
    void aProfileMappingOverridesTheGenericReadingOfAPredicate() {
        ImportProfile profile = new ImportProfile("royal", List.of(
                new PredicateMapping(EX + "isMotherOf", "mother", MappingDirection.INVERSE),
                new PredicateMapping(EX + "bornOn", "born", MappingDirection.FORWARD),
                new PredicateMapping("http://schema.org/name", "stage name", MappingDirection.FORWARD)),
                List.of(), List.of(), List.of());
        RecordingSink sink = read(profile, "en",
                triple(EX + "isMotherOf", "<" + EX + "elizabeth>"),
                triple(EX + "bornOn", "\"1501-07-01\""),
                triple(EX + "bornOn", "\"-0044-03-15\""),
                triple("http://schema.org/name", "\"Anne\""));

        assertThat(sink.records).containsExactly(
                fact(1, entity(EX + "elizabeth", "elizabeth"), "mother", entity(ANNE, "anne")),
                fact(2, entity(ANNE, "anne"), "born", value("1501")),
                fact(4, entity(ANNE, "anne"), "stage name", value("Anne")));
    }

    @Test
    void aTypedOrPlainLiteralOfAnotherPredicateIsAnAttributeAsWritten() {
        RecordingSink sink = read(builtIn(null), "en",
                triple(EX + "numberOfChildren", "\"3\"^^<http://www.w3.org/2001/XMLSchema#integer>"),
                triple(EX + "dateOfBirth", "\"0800-12-25\"^^<http://www.w3.org/2001/XMLSchema#date>"),
                triple(EX + "motto", "\"La plus heureuse\"@fr"));

        assertThat(sink.records).containsExactly(
                fact(1, entity(ANNE, "anne"), "number of children", value("3")),
                fact(2, entity(ANNE, "anne"), "date of birth", value("800")),
                fact(3, entity(ANNE, "anne"), "motto", value("La plus heureuse")));
    }
}
