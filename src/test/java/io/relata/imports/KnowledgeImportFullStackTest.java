package io.relata.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GEDCOM trees and RDF graphs imported over HTTP into a fresh embedded store, then asked about in both directions, by
 * name and by key: homonyms stay two people, derived kin follow from imported parents, declared converses and
 * symmetric relations are read, and importing the same file again adds nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"relata.demo.enabled=false", "relata.model.train-on-first-start=false", "relata.ingest.batch-size=7"})
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KnowledgeImportFullStackTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("relata.home", () -> home.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    @Order(1)
    void aGedcomTreeIsImportedAndTheSameFileAgainAddsNothing() throws Exception {
        JsonNode first = importFile("royal.ged", "application/x-gedcom", "source=royal", false);
        assertThat(first.path("rejected")).isEmpty();
        // 10 people and 3 families; F1: spouse + 3 × (mother, father); F2: spouse + 2 × 2; F3: spouse + 1 × 2;
        // each person's gender and birth year, and 5 death years
        long familyFacts = (1 + 6) + (1 + 4) + (1 + 2);
        assertThat(first.path("added").asLong()).isEqualTo(familyFacts + 10 + 10 + 5);
        assertThat(first.path("lines").asLong()).isEqualTo(13);

        JsonNode again = importFile("royal.ged", "application/x-gedcom", "source=royal", false);
        assertThat(again.path("added").asLong()).isZero();
        assertThat(again.path("duplicates").asLong()).isEqualTo(first.path("added").asLong());
    }

    @Test
    @Order(2)
    void aLaterEditionOfTheSameTreeAddsOnlyWhatIsNew() throws Exception {
        JsonNode edition = importFile("royal-edition2.ged", "application/x-gedcom", "source=royal", true);
        // Henry: his mother and father, his gender and his birth year
        assertThat(edition.path("added").asLong()).isEqualTo(4);
        assertThat(labels(ask("Who are the children of Mary Teck?"))).containsExactlyInAnyOrder("Mary Windsor", "Henry Windsor");
    }

    @Test
    @Order(3)
    void parentsAndChildrenAreAnsweredBothWaysByName() throws Exception {
        JsonNode mother = ask("Who is Albert Edward Saxe-Coburg-Gotha's mother?");
        assertThat(labels(mother)).containsExactly("Victoria Hanover");
        assertThat(mother.path("answers").get(0).path("entity").path("key").asString()).isEqualTo("royal:I1");
        assertThat(mother.path("entity").path("key").asString()).isEqualTo("royal:I4");

        JsonNode son = ask("Who is Victoria Hanover's son?");
        assertThat(son.path("direction").asString()).isEqualTo("inverse");
        assertThat(labels(son)).containsExactly("Albert Edward Saxe-Coburg-Gotha");
        assertThat(son.path("answers").get(0).path("filter").asString()).isEqualTo("satisfied");

        assertThat(labels(ask("Whose father is Albert Saxe-Coburg-Gotha?")))
                .containsExactlyInAnyOrder("Victoria Saxe-Coburg-Gotha", "Albert Edward Saxe-Coburg-Gotha", "Alice Saxe-Coburg-Gotha");
        assertThat(labels(ask("Who is Victoria Hanover's husband?"))).containsExactly("Albert Saxe-Coburg-Gotha");
        assertThat(labels(ask("Who is Albert Saxe-Coburg-Gotha's wife?"))).containsExactly("Victoria Hanover");
    }

    @Test
    @Order(4)
    void aNameTwoPeopleShareIsAmbiguousAndTheirKeysTellThemApart() throws Exception {
        HttpResponse<String> response = get("/v1/queries?q=" + encode("Who is Victoria Saxe-Coburg-Gotha's mother?"));
        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).endsWith("ambiguous-entity");
        List<String> keys = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        problem.path("candidates").forEach(c -> {
            keys.add(c.path("key").asString());
            descriptions.add(c.path("description").asString());
            assertThat(c.path("label").asString()).isEqualTo("Victoria Saxe-Coburg-Gotha");
        });
        assertThat(keys).containsExactlyInAnyOrder("royal:I3", "royal:I10");
        assertThat(descriptions).anyMatch(d -> d.contains("1840")).anyMatch(d -> d.contains("1868"));

        assertThat(labels(query("{\"entity\":\"royal:I3\",\"relation\":\"mother\"}"))).containsExactly("Victoria Hanover");
        assertThat(labels(query("{\"entity\":\"royal:I10\",\"relation\":\"mother\"}"))).containsExactly("Alexandra Glücksburg");
        JsonNode byKey = query("{\"entity\":\"royal:I10\",\"relation\":\"mother\"}");
        assertThat(byKey.path("resolution").path("match").asString()).isEqualTo("key");
        // the inverse question names the two Victorias apart: each is a daughter of her own mother only
        assertThat(keys(query("{\"entity\":\"Alexandra Glücksburg\",\"relation\":\"daughter\"}"))).containsExactly("royal:I10");
        assertThat(keys(query("{\"entity\":\"Victoria Hanover\",\"relation\":\"daughter\"}"))).containsExactlyInAnyOrder("royal:I3", "royal:I5");
    }

    @Test
    @Order(5)
    void siblingsAndGrandparentsAreDerivedFromImportedParents() throws Exception {
        JsonNode brother = ask("Who is Alice Saxe-Coburg-Gotha's brother?");
        assertThat(labels(brother)).containsExactly("Albert Edward Saxe-Coburg-Gotha");
        assertThat(brother.path("answers").get(0).path("evidence").asString()).isEqualTo("derived");

        assertThat(labels(ask("Who is George Saxe-Coburg-Gotha's grandmother?"))).containsExactly("Victoria Hanover");
        assertThat(keys(query("{\"entity\":\"Victoria Hanover\",\"relation\":\"grandchild\"}")))
                .containsExactlyInAnyOrder("royal:I7", "royal:I10");
        assertThat(labels(ask("Who is Mary Windsor's aunt?"))).containsExactly("Victoria Saxe-Coburg-Gotha");
    }

    @Test
    @Order(6)
    void aGedcomImportWithoutASourceIsRefusedBeforeAnythingIsStored() throws Exception {
        HttpResponse<String> response = post("/v1/facts/import", "application/x-gedcom", resource("royal.ged"), false);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("detail").asString()).contains("source=NAME");
    }

    @Test
    @Order(10)
    void wikidataTriplesGiveLabelsInTheLanguageAskedAndParentsByGender() throws Exception {
        JsonNode summary = importFile("wikidata-royals.nt", "application/n-triples", "profile=wikidata", true);
        assertThat(summary.path("rejected")).isEmpty();
        assertThat(summary.path("lines").asLong()).isEqualTo(35);

        JsonNode mother = ask("Who is Elizabeth II's mother?");
        assertThat(labels(mother)).containsExactly("Queen Elizabeth The Queen Mother");
        assertThat(mother.path("entity").path("key").asString()).isEqualTo("http://www.wikidata.org/entity/Q9682");
        assertThat(mother.path("entity").path("description").asString()).isEqualTo("Queen of the United Kingdom from 1952 to 2022");
        assertThat(labels(ask("Who is Elizabeth II's father?"))).containsExactly("George VI");
        // P40 on Elizabeth II: she is stated female, so her children's facts are mother facts
        JsonNode charlesMother = ask("Who is Charles III's mother?");
        assertThat(charlesMother.path("answers").get(0).path("entity").path("label").asString()).isEqualTo("Elizabeth II");
        assertThat(charlesMother.path("answers").get(0).path("reading").path("relation").asString()).isEqualTo("mother");
        assertThat(charlesMother.path("answers").get(0).path("confidence").asDouble()).isEqualTo(1.0);
        // Prince Philip, a parent of unstated gender, is no more than a guess at his mother: never satisfied, never sure
        charlesMother.path("answers").forEach(a -> {
            if (a.path("entity").path("label").asString().startsWith("Prince Philip")) {
                assertThat(a.path("filter").asString()).isNotEqualTo("satisfied");
                assertThat(a.path("confidence").asDouble()).isLessThan(0.9);
            }
        });
        assertThat(labels(ask("Who is Elizabeth II's daughter?"))).containsExactly("Anne, Princess Royal");
        // P40 on Prince Philip, whose gender the file does not state: a parent fact, read as a father only with a filter
        assertThat(labels(ask("Who are Charles III's parents?")))
                .containsExactlyInAnyOrder("Elizabeth II", "Prince Philip, Duke of Edinburgh");
        assertThat(labels(query("{\"entity\":\"Charles III\",\"relation\":\"parent\"}")))
                .as("the stored relation parent holds only what is left of it").containsExactly("Prince Philip, Duke of Edinburgh");
        assertThat(labels(ask("Who is William, Prince of Wales's father?"))).containsExactly("Charles III");
        // the Japanese label is an alias
        assertThat(labels(query("{\"entity\":\"エリザベス2世\",\"relation\":\"mother\"}"))).containsExactly("Queen Elizabeth The Queen Mother");
        assertThat(labels(ask("When was Elizabeth II born?"))).containsExactly("1926");
        // Catherine's P40 comes batches before her gender: the child's mother fact once the whole file is read
        assertThat(labels(ask("Who is Prince George of Wales's mother?"))).containsExactly("Catherine, Princess of Wales");
        assertThat(labels(ask("Who is Prince George of Wales's father?"))).containsExactly("William, Prince of Wales");

        JsonNode again = importFile("wikidata-royals.nt", "application/n-triples", "profile=wikidata", false);
        assertThat(again.path("added").asLong()).isZero();
    }

    @Test
    @Order(15)
    void aLabelReadBatchesAfterItsEntityReplacesTheStandInNameEverywhere() throws Exception {
        StringBuilder file = new StringBuilder("<http://example.org/p/Zq_Child> <http://example.org/p/guardian> <http://example.org/p/Zx_Stand_In> .\n");
        for (int i = 0; i < 9; i++) {
            file.append("<http://example.org/p/Zq_Child> <http://example.org/p/visited> <http://example.org/p/Place_").append(i).append("> .\n");
        }
        file.append("<http://example.org/p/Zx_Stand_In> <http://www.w3.org/2000/01/rdf-schema#label> \"Hesper Quayle\"@en .\n");
        HttpResponse<String> imported = send("/v1/facts/import", "application/n-triples", file.toString().getBytes(StandardCharsets.UTF_8), false);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        assertThat(labels(query("{\"entity\":\"Zq Child\",\"relation\":\"guardian\"}"))).containsExactly("Hesper Quayle");
        assertThat(get("/v1/entities/resolve?q=" + encode("http://example.org/p/Zx_Stand_In")).body()).contains("\"label\":\"Hesper Quayle\"");
        // the stand-in name made from the IRI is no name of hers any more, not even word by word
        assertThat(get("/v1/entities/resolve?q=" + encode("Zx Stand In")).statusCode()).isEqualTo(404);
        assertThat(get("/v1/entities/resolve?q=" + encode("Stand In")).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from entity_word where word in ('zx', 'stand')").query(Long.class).single())
                .as("the word index drops the words of the replaced name").isZero();
        assertThat(jdbc.sql("select count(*) from entity_word where word = 'hesper'").query(Long.class).single()).isOne();
    }

    @Test
    @Order(11)
    void dbpediaRelationsWithoutLabelsAreAskedByTheirLocalNamesBothWays() throws Exception {
        JsonNode summary = importFile("dbpedia-successors.nt", "application/n-triples", "profile=dbpedia", false);
        assertThat(summary.path("added").asLong()).isEqualTo(5);
        assertThat(labels(ask("Who was George V's successor?"))).containsExactly("Edward VIII");
        // dbp:successor merged into the same relation as dbo:successor
        assertThat(labels(ask("Who was Edward VIII's successor?"))).containsExactly("George VI");
        JsonNode whose = ask("Whose successor was Edward VIII?");
        assertThat(whose.path("direction").asString()).isEqualTo("inverse");
        assertThat(labels(whose)).containsExactly("George V");
        assertThat(labels(query("{\"entity\":\"Victoria, Princess Royal\",\"relation\":\"birth place\"}")))
                .containsExactly("Buckingham Palace");
    }

    @Test
    @Order(12)
    void aDeclaredConverseAndASymmetricRelationAreReadByTheLexicon() throws Exception {
        JsonNode summary = importFile("converses.ttl", "text/turtle", null, false);
        assertThat(summary.path("rejected")).isEmpty();
        // only the mentor fact is stated; its converse is read from owl:inverseOf
        assertThat(labels(query("{\"entity\":\"Owen Quill\",\"relation\":\"mentee of\"}"))).containsExactly("Ada Quill");
        assertThat(labels(query("{\"entity\":\"Ada Quill\",\"relation\":\"mentor of\"}"))).containsExactly("Owen Quill");
        JsonNode colleague = query("{\"entity\":\"Mira Quill\",\"relation\":\"colleague of\"}");
        assertThat(labels(colleague)).containsExactly("Owen Quill");
    }

    @Test
    @Order(13)
    void aTeamsOwnProfileMapsItsPredicates() throws Exception {
        String profile = """
                {"name": "kin", "relations": [
                  {"predicate": "http://example.org/kin#mentorOf", "relation": "mentor", "direction": "inverse"}],
                 "labels": [], "descriptions": [], "drop": ["http://example.org/kin#colleagueOf"]}""";
        HttpResponse<String> saved = post("/v1/import-profiles", "application/json", profile.getBytes(StandardCharsets.UTF_8), false);
        assertThat(saved.statusCode()).isEqualTo(201);
        importFile("converses.ttl", "text/turtle", "profile=kin", false);
        // (ada mentorOf owen) stored inversely: owen's mentor is ada
        assertThat(labels(query("{\"entity\":\"Owen Quill\",\"relation\":\"mentor\"}"))).containsExactly("Ada Quill");

        HttpResponse<String> unknown = post("/v1/facts/import?profile=nobody", "text/turtle", resource("converses.ttl"), false);
        assertThat(unknown.statusCode()).isEqualTo(400);
        HttpResponse<String> builtIn = post("/v1/import-profiles", "application/json",
                "{\"name\":\"wikidata\",\"relations\":[],\"labels\":[],\"descriptions\":[],\"drop\":[]}".getBytes(StandardCharsets.UTF_8), false);
        assertThat(builtIn.statusCode()).isEqualTo(400);
    }

    @Test
    @Order(14)
    void aBodyDeclaredGzipThatIsNotIsRefused() throws Exception {
        HttpResponse<String> response = send("/v1/facts/import", "application/n-triples", resource("dbpedia-successors.nt"), true);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("gzip");
        // relata's own formats go through the same decoding
        HttpResponse<String> tsv = send("/v1/facts/import", "text/tab-separated-values",
                "Gzip Kid\tmother\tGzip Mother\n".getBytes(StandardCharsets.UTF_8), true);
        assertThat(tsv.statusCode()).as(tsv.body()).isEqualTo(400);
        assertThat(tsv.body()).contains("declared gzip");
        HttpResponse<String> compressed = post("/v1/facts/import", "text/tab-separated-values",
                "Gzip Kid\tmother\tGzip Mother\n".getBytes(StandardCharsets.UTF_8), true);
        assertThat(compressed.statusCode()).as(compressed.body()).isEqualTo(200);
        assertThat(JSON.readTree(compressed.body()).path("added").asInt()).isOne();
    }

    @Test
    @Order(16)
    void aGzipBodyThatBreaksOffIsAnInterruptedImportThatSaysWhatIsStored() throws Exception {
        byte[] whole = gzipped(resource("wikidata-royals.nt"));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        HttpResponse<String> response = send("/v1/facts/import?profile=wikidata", "application/n-triples", cut, true);
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).endsWith("import-interrupted");
        assertThat(problem.path("detail").asString()).contains("the body broke off").contains("resend");
        assertThat(problem.has("committedLines")).isTrue();
    }

    // --- HTTP

    private JsonNode importFile(String name, String type, String query, boolean gzip) throws Exception {
        HttpResponse<String> response = post("/v1/facts/import" + (query == null ? "" : "?" + query), type, resource(name), gzip);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode ask(String question) throws Exception {
        HttpResponse<String> response = get("/v1/queries?q=" + encode(question));
        assertThat(response.statusCode()).as(question + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode query(String body) throws Exception {
        HttpResponse<String> response = post("/v1/queries", "application/json", body.getBytes(StandardCharsets.UTF_8), false);
        assertThat(response.statusCode()).as(body + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the body, gzip-compressed and declared so when {@code gzip}. */
    private HttpResponse<String> post(String path, String type, byte[] body, boolean gzip) throws Exception {
        return send(path, type, gzip ? gzipped(body) : body, gzip);
    }

    /** Posts the bytes as they are, declared gzip or not. */
    private HttpResponse<String> send(String path, String type, byte[] body, boolean declareGzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (declareGzip) {
            request.header("Content-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = KnowledgeImportFullStackTest.class.getResourceAsStream("/fullstack/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzipped(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.toByteArray();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> labels(JsonNode response) {
        List<String> labels = new ArrayList<>();
        response.path("answers").forEach(a -> labels.add(a.path("entity").path("label").asString()));
        return labels;
    }

    private static List<String> keys(JsonNode response) {
        List<String> keys = new ArrayList<>();
        response.path("answers").forEach(a -> keys.add(a.path("entity").path("key").asString()));
        return keys;
    }
}
