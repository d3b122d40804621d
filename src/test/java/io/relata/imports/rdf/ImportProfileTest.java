package io.relata.imports.rdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relata.InvalidInputException;
import io.relata.StrictJson;
import io.relata.imports.rdf.ImportProfile.PredicateMapping;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ImportProfileTest {

    private static final String FHKB = "http://www.example.com/genealogy.owl#";

    private static JsonNode json(String text) {
        return StrictJson.mapper().readTree(text.replace('\'', '"'));
    }

    private static JsonNode fixture() throws IOException {
        try (InputStream in = ImportProfileTest.class.getResourceAsStream("/imports/rdf/fhkb-profile.json")) {
            return StrictJson.mapper().readTree(in);
        }
    }

    @Test
    void readsAProfileOfOnesOwnFromItsJson() throws IOException {
        assertThat(ImportProfile.fromJson(fixture())).isEqualTo(new ImportProfile("fhkb", List.of(
                new PredicateMapping(FHKB + "isMotherOf", "mother", MappingDirection.INVERSE),
                new PredicateMapping(FHKB + "isFatherOf", "father", MappingDirection.INVERSE),
                new PredicateMapping(FHKB + "isSiblingOf", "sibling", MappingDirection.SYMMETRIC)),
                List.of(FHKB + "name"), List.of(FHKB + "note"), List.of(FHKB + "hasFemalePartner")));
    }

    @Test
    void itsJsonReadsBackAsTheSameProfile() throws IOException {
        ImportProfile profile = ImportProfile.fromJson(fixture());

        assertThat(ImportProfile.fromJson(profile.toJson())).isEqualTo(profile);
        assertThat(profile.toJson()).isEqualTo(fixture());
    }

    @Test
    void onlyANameIsNeededAndAMappingWithoutDirectionReadsForward() {
        assertThat(ImportProfile.fromJson(json("{'name':'mine'}")))
                .isEqualTo(new ImportProfile("mine", List.of(), List.of(), List.of(), List.of()));
        assertThat(ImportProfile.fromJson(json("{'name':'mine','relations':[{'predicate':'http://x.org/p','relation':'knows'}]}"))
                .relations()).containsExactly(new PredicateMapping("http://x.org/p", "knows", MappingDirection.FORWARD));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{'name':'x','colour':'red'}                                   | unknown field 'colour'",
        "{'name':'x','relations':[{'predicate':'http://x.org/p','relation':'r','weight':1}]} | unknown field 'relations[0].weight'",
        "{'relations':[]}                                              | name is missing",
        "{'name':'Family Tree'}                                        | name must be 1 to 64 characters of a-z, 0-9, _ and -",
        "{'name':''}                                                   | name must be 1 to 64",
        "{'name':'wikidata'}                                           | name 'wikidata' is a built-in profile's",
        "{'name':'schema'}                                             | name 'schema' is a built-in profile's",
        "{'name':5}                                                    | name must be a string",
        "{'name':'x','labels':'http://x.org/name'}                     | labels must be an array",
        "{'name':'x','labels':[7]}                                     | labels[0] must be a string",
        "{'name':'x','drop':['name']}                                  | drop[0] must be an absolute IRI",
        "{'name':'x','drop':['http://x.org/a b']}                      | drop[0] must be an absolute IRI",
        "{'name':'x','relations':['http://x.org/p']}                   | relations[0] must be an object",
        "{'name':'x','relations':[{'relation':'r'}]}                   | relations[0].predicate is missing",
        "{'name':'x','relations':[{'predicate':'http://x.org/p'}]}     | relations[0].relation is missing",
        "{'name':'x','relations':[{'predicate':'http://x.org/p','relation':'  '}]} | relations[0].relation is blank",
        "{'name':'x','relations':[{'predicate':'http://x.org/p','relation':'r','direction':'backwards'}]} | relations[0].direction must be forward, inverse or symmetric",
        "{'name':'x','relations':[{'predicate':'http://x.org/p','relation':'r'}],'drop':['http://x.org/p']} | drop[0] names http://x.org/p, which relations[0].predicate names already",
        "['x']                                                         | expected a JSON object",
    })
    void aBadProfileIsRefusedNamingTheField(String body, String message) {
        assertThatThrownBy(() -> ImportProfile.fromJson(json(body)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fhkb", "my-family_2", "a", "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz01"})
    void aNameOfOneTo64LowerCaseLettersDigitsUnderscoresAndHyphensIsTaken(String name) {
        assertThat(ImportProfile.fromJson(json("{'name':'" + name + "'}")).name()).isEqualTo(name);
    }

    @Test
    void aNameOf65CharactersIsRefused() {
        assertThatThrownBy(() -> ImportProfile.fromJson(json("{'name':'" + "a".repeat(65) + "'}")))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("name must be 1 to 64");
    }

    @Test
    void theBuiltInProfilesAreThereByNameAndTheDefaultOneForNoName() {
        assertThat(ImportProfile.builtIn("wikidata")).get().extracting(ImportProfile::name).isEqualTo("wikidata");
        assertThat(ImportProfile.builtIn("dbpedia")).get().extracting(ImportProfile::name).isEqualTo("dbpedia");
        assertThat(ImportProfile.builtIn("schema")).get().extracting(ImportProfile::name).isEqualTo("schema");
        assertThat(ImportProfile.builtIn(null)).contains(
                new ImportProfile("default", List.of(), List.of(), List.of(), List.of()));
        assertThat(ImportProfile.builtIn("fhkb")).isEmpty();
    }

    @Test
    void wikidataReadsAChildAsTheChildsParentAndFatherAndMotherAsParentInBothNamespaces() {
        List<PredicateMapping> relations = ImportProfile.builtIn("wikidata").orElseThrow().relations();

        for (String namespace : List.of("http://www.wikidata.org/prop/direct/", "http://www.wikidata.org/prop/")) {
            assertThat(relations).contains(
                    new PredicateMapping(namespace + "P40", "parent", MappingDirection.INVERSE),
                    new PredicateMapping(namespace + "P22", "father", MappingDirection.FORWARD),
                    new PredicateMapping(namespace + "P25", "mother", MappingDirection.FORWARD),
                    new PredicateMapping(namespace + "P26", "spouse", MappingDirection.SYMMETRIC),
                    new PredicateMapping(namespace + "P3373", "sibling", MappingDirection.SYMMETRIC));
        }
    }

    @Test
    void dbpediaReadsOntologyAndInfoboxPropertiesOfOneNameAsOneRelation() {
        ImportProfile dbpedia = ImportProfile.builtIn("dbpedia").orElseThrow();

        assertThat(dbpedia.relations()).contains(
                new PredicateMapping("http://dbpedia.org/ontology/child", "parent", MappingDirection.INVERSE),
                new PredicateMapping("http://dbpedia.org/property/child", "parent", MappingDirection.INVERSE),
                new PredicateMapping("http://dbpedia.org/ontology/birthYear", "born", MappingDirection.FORWARD),
                new PredicateMapping("http://dbpedia.org/property/spouse", "spouse", MappingDirection.SYMMETRIC));
        assertThat(dbpedia.drop()).contains("http://dbpedia.org/ontology/abstract",
                "http://dbpedia.org/ontology/wikiPageWikiLink", "http://www.w3.org/2002/07/owl#sameAs");
    }

    @Test
    void aBuiltInProfilesJsonIsItsOwnWithEveryField() {
        JsonNode json = ImportProfile.builtIn("schema").orElseThrow().toJson();

        assertThat(json.propertyNames()).containsExactly("name", "relations", "labels", "descriptions", "drop");
        assertThat(json.get("relations").get(0).toString()).isEqualTo(
                "{\"predicate\":\"http://schema.org/parent\",\"relation\":\"parent\",\"direction\":\"forward\"}");
    }
}
