package io.relata.imports.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RdfSyntaxTest {

    @ParameterizedTest
    @CsvSource({
        "application/n-triples, NTRIPLES",
        "application/n-quads, NQUADS",
        "text/turtle; charset=utf-8, TURTLE",
        "Application/RDF+XML, RDFXML",
    })
    void theMediaTypeSaysTheSyntaxWhateverItsParametersAndCase(String contentType, RdfSyntax syntax) {
        assertThat(RdfSyntax.ofMediaType(contentType)).contains(syntax);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/json", "application/n-triples-ish", ""})
    void anotherMediaTypeIsNoRdfSyntax(String contentType) {
        assertThat(RdfSyntax.ofMediaType(contentType)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "latest-truthy.nt, NTRIPLES",
        "latest-truthy.nt.gz, NTRIPLES",
        "dump.NQ, NQUADS",
        "family.ttl.gz, TURTLE",
        "people.rdf, RDFXML",
        "tsars.ged.ttl.owl, RDFXML",
        "ontology.xml.gz, RDFXML",
    })
    void theFileNameSaysTheSyntaxGzippedOrNot(String name, RdfSyntax syntax) {
        assertThat(RdfSyntax.ofFileName(name)).contains(syntax);
    }

    @ParameterizedTest
    @ValueSource(strings = {"facts.csv", "tree.ged", "family.ttl.zip", "nt", "family.gz"})
    void anotherFileNameIsNoRdfSyntax(String name) {
        assertThat(RdfSyntax.ofFileName(name)).isEmpty();
    }
}
