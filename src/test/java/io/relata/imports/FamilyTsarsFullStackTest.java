package io.relata.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One family, the Romanov tsars, imported twice over HTTP from public files that were not written for relata: as a
 * GEDCOM tree and as the FHKB ontology's RDF/XML (with a profile posted for its vocabulary). Every person is asked for
 * mother, father, children and siblings by key in both imports, and the answers must name the same people. Runs
 * when ../shared/data/family-tsars is there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"relata.demo.enabled=false", "relata.model.train-on-first-start=false"})
@DirtiesContext
@EnabledIf("filesArePresent")
class FamilyTsarsFullStackTest {

    private static final Path FOLDER = Path.of("..", "shared", "data", "family-tsars");
    private static final String FHKB = "http://www.example.com/genealogy.owl#";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> RELATIONS = List.of("mother", "father", "child", "sibling");

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("relata.home", () -> home.toString());
    }

    static boolean filesArePresent() {
        return Files.isRegularFile(FOLDER.resolve("tsars.ged")) && Files.isRegularFile(FOLDER.resolve("tsars.ged.ttl.owl"));
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theGedcomTreeAndTheOntologyGiveTheSameParentsChildrenAndSiblings() throws Exception {
        assertThat(post("/v1/facts/import?source=tsars", "application/x-gedcom", Files.readAllBytes(FOLDER.resolve("tsars.ged")))
                .statusCode()).isEqualTo(200);
        String profile = """
                {"name": "fhkb", "relations": [
                  {"predicate": "%1$sisMotherOf", "relation": "mother", "direction": "inverse"},
                  {"predicate": "%1$sisFatherOf", "relation": "father", "direction": "inverse"},
                  {"predicate": "%1$sisBrotherOf", "relation": "sibling", "direction": "symmetric"},
                  {"predicate": "%1$sisSisterOf", "relation": "sibling", "direction": "symmetric"}],
                 "labels": [], "descriptions": [], "drop": []}""".formatted(FHKB);
        assertThat(post("/v1/import-profiles", "application/json", profile.getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(201);
        HttpResponse<String> owl = post("/v1/facts/import?profile=fhkb", "application/rdf+xml",
                Files.readAllBytes(FOLDER.resolve("tsars.ged.ttl.owl")));
        assertThat(owl.statusCode()).as(owl.body()).isEqualTo(200);

        Map<String, String> fromGedcom = new TreeMap<>();
        Map<String, String> fromOntology = new TreeMap<>();
        int people = 0;
        for (int n = 0; n < 41; n++) {
            JsonNode ged = resolve("tsars:" + n);
            JsonNode rdf = resolve(FHKB + "i" + n);
            if (ged == null || rdf == null) {
                continue;
            }
            people++;
            String label = ged.path("label").asString();
            assertThat(rdf.path("label").asString()).as("the label of person " + n).isEqualTo(label);
            for (String relation : RELATIONS) {
                fromGedcom.put(label + " " + relation, answers("tsars:" + n, relation));
                fromOntology.put(label + " " + relation, answers(FHKB + "i" + n, relation));
            }
        }
        assertThat(people).isGreaterThanOrEqualTo(35);
        assertThat(fromOntology).isEqualTo(fromGedcom);
        // and not because both are empty: Peter the Great's parents and children as the tree states them
        assertThat(fromGedcom.get("Petr I Alekseevich Romanov father")).isEqualTo("[Aleksej Mihajlovich Romanov]");
        assertThat(fromGedcom.values().stream().filter(v -> !v.equals("[]")).count()).isGreaterThan(60);
    }

    private JsonNode resolve(String key) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/v1/entities/resolve?q=" + java.net.URLEncoder.encode(key, StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()).path("entity") : null;
    }

    /** The labels of the stated and derived answers, sorted, as text. */
    private String answers(String key, String relation) throws Exception {
        HttpResponse<String> response = post("/v1/queries", "application/json", ("{\"entity\":" + JSON.writeValueAsString(key)
                + ",\"relation\":\"" + relation + "\",\"evidence\":[\"stated\",\"derived\"],\"limit\":100}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> labels = new ArrayList<>();
        JSON.readTree(response.body()).path("answers").forEach(a -> labels.add(a.path("entity").path("label").asString()));
        return new TreeSet<>(labels).toString();
    }

    private HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
