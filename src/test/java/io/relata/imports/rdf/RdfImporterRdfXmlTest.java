package io.relata.imports.rdf;

import static io.relata.imports.rdf.RdfRecords.alias;
import static io.relata.imports.rdf.RdfRecords.builtIn;
import static io.relata.imports.rdf.RdfRecords.entity;
import static io.relata.imports.rdf.RdfRecords.fact;
import static io.relata.imports.rdf.RdfRecords.label;
import static io.relata.imports.rdf.RdfRecords.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.relata.facts.EntityMention;
import io.relata.facts.LabelRank;
import org.junit.jupiter.api.Test;

class RdfImporterRdfXmlTest {

    private static final String PEOPLE = "http://example.org/people/";
    private static final EntityMention ADA = entity(PEOPLE + "ada", "ada");
    private static final EntityMention BYRON = entity(PEOPLE + "byron", "byron");

    @Test
    void readsSchemaOrgPeopleWithTheirGenderBirthYearAndParentFromBothSides() {
        RecordingSink sink = RdfRecords.read(builtIn("schema"), "sample.rdf", RdfSyntax.RDFXML);

        assertThat(sink.records).containsExactly(
                label(0, PEOPLE + "ada", "Ada Lovelace", LabelRank.ASKED_LANGUAGE, "en"),
                alias(0, PEOPLE + "ada", "ada", "Augusta Ada King", null),
                fact(0, ADA, "gender", value("female")),
                fact(0, ADA, "born", value("1815")),
                fact(0, ADA, "parent", BYRON),
                label(0, PEOPLE + "byron", "Lord Byron", LabelRank.ASKED_LANGUAGE, null),
                fact(0, BYRON, "gender", value("male")),
                fact(0, ADA, "parent", BYRON));
        assertThat(sink.rejections).isEmpty();
        assertThat(sink.declarations).isEmpty();
    }

    @Test
    void aBrokenDocumentIsOneRejectionAtTheXmlParsersLineAndKeepsWhatCameBefore() {
        String xml = """
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
                  <rdf:Description rdf:about="http://example.org/anne"><ex:knows rdf:resource="http://example.org/bob"/></rdf:Description>
                  <ex:broken>
                </rdf:RDF>
                """;

        RecordingSink sink = RdfRecords.readText(builtIn(null), "en", xml, RdfSyntax.RDFXML);

        assertThat(sink.records).containsExactly(fact(0, entity("http://example.org/anne", "anne"), "knows",
                entity("http://example.org/bob", "bob")));
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.line()).isEqualTo(4);
            assertThat(rejection.reason()).contains("ex:broken").endsWith("(line 4, column 3)");
        });
    }

    @Test
    void anExternalEntityIsNotRead() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE rdf:RDF [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
                  <rdf:Description rdf:about="http://example.org/anne"><ex:note>&secret;</ex:note></rdf:Description>
                </rdf:RDF>
                """;

        RecordingSink sink = RdfRecords.readText(builtIn(null), "en", xml, RdfSyntax.RDFXML);

        assertThat(sink.records).isEmpty();
    }
}
