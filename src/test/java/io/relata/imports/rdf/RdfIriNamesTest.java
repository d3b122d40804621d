package io.relata.imports.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RdfIriNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://dbpedia.org/resource/Victoria,_Princess_Royal | Victoria, Princess Royal",
        "http://dbpedia.org/resource/Sch%C3%B6nbrunn_Palace   | Schönbrunn Palace",
        "http://dbpedia.org/resource/A__B_                    | A B",
        "http://www.example.com/genealogy.owl#i0              | i0",
        "http://www.wikidata.org/entity/Q9682                 | Q9682",
        "urn:isbn:0451450523                                  | 0451450523",
        "http://example.org/100%25_sure                       | 100% sure",
        "http://example.org/bad%FFbyte                        | bad%FFbyte",
        "http://example.org/zero%E2%80%8Bwidth                | zero%E2%80%8Bwidth",
        "http://www.example.com/genealogy.owl#                | http://www.example.com/genealogy.owl#",
    })
    void anEntityIsLabelledByItsLocalNameDecodedWithUnderscoresAsSpaces(String iri, String label) {
        assertThat(IriNames.label(iri)).isEqualTo(label);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://dbpedia.org/ontology/birthPlace               | birth place",
        "http://www.example.com/genealogy.owl#isMotherOf      | is mother of",
        "http://www.wikidata.org/prop/direct/P27              | P27",
        "http://example.org/has_given-name                    | has given name",
        "http://example.org/homepageURL                       | homepage URL",
        "http://example.org/URLOfHomepage                     | URL of homepage",
        "http://dbpedia.org/ontology/wikiPageID               | wiki page ID",
        "http://example.org/Spouse                            | spouse",
    })
    void aRelationIsThePredicatesLocalNameInWords(String iri, String relation) {
        assertThat(IriNames.relation(iri)).isEqualTo(relation);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1819-05-24             | 1819",
        "+1819-05-24T00:00:00Z  | 1819",
        "1819                   | 1819",
        "0800-12-25             | 800",
        "about 1820             | about 1820",
        "12-05                  | 12-05",
    })
    void aDateIsReadAsTheYearItStartsWith(String text, String year) {
        assertThat(AttributeValues.year(text)).contains(year);
    }

    @Test
    void aYearBeforeTheCommonEraIsLeftOut() {
        assertThat(AttributeValues.year("-0044-03-15")).isEqualTo(Optional.empty());
        assertThat(AttributeValues.year("0000")).isEqualTo(Optional.empty());
    }
}
