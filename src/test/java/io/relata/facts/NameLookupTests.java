package io.relata.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Entity names over HTTP, through the store's indexes: token-wise matching through the word index, fuzzy matching
 * through the store's spelling index (word variants), bounded pools, ambiguity and the
 * refusal of mentions longer than any label. The assertions live here; {@link EmbeddedNameLookupTest} runs them on
 * H2 and {@link PostgresNameLookupIT} on PostgreSQL. Tests share the store, so each uses its own names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "relata.demo.enabled=false", "relata.model.train-on-first-start=false"})
@DirtiesContext
abstract class NameLookupTests {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("relata.home", () -> home.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMentionWhoseWordsAreInOneLabelResolvesTokenWise() {
        postFacts("""
                [{"subject":"Harlo Wendt","relation":"mother","object":"Ysolde, Duchess of Wendt"},
                 {"subject":"Duchess Anneke","relation":"gender","object":"female"},
                 {"subject":"Ysolde Brae","relation":"gender","object":"female"}]""");

        JsonNode resolved = resolve("Duchess Ysolde");

        assertThat(resolved.path("entity").path("label").asString()).isEqualTo("Ysolde, Duchess of Wendt");
        assertThat(resolved.path("resolution").path("match").asString()).isEqualTo("token");
        assertThat(answers("{\"question\":\"Who is Duchess Ysolde's child?\",\"evidence\":[\"stated\"]}"))
                .containsExactly("Harlo Wendt");
    }

    @Test
    void anAliasAddedLaterIsMatchedByItsWords() {
        postFacts("[{\"subject\":\"Corvin Aldous Tarrant\",\"relation\":\"gender\",\"object\":\"male\"}]");
        Reply alias = post("/v1/entities/aliases", "{\"entity\":\"Corvin Aldous Tarrant\",\"alias\":\"Old Corvin of Tarrant Hall\"}");
        assertThat(alias.status().value()).isEqualTo(200);

        JsonNode resolved = resolve("Tarrant Hall");

        assertThat(resolved.path("entity").path("label").asString()).isEqualTo("Corvin Aldous Tarrant");
        assertThat(resolved.path("resolution").path("match").asString()).isEqualTo("token");
    }

    @Test
    void aMisspeltNameResolvesFuzzyThroughTheSpellingIndex() {
        postFacts("""
                [{"subject":"Tomas Cruzeiro","relation":"mother","object":"Marilee Pfefferkorn"},
                 {"subject":"Tomas Cruz","relation":"gender","object":"male"},
                 {"subject":"Tobias Cruzeiro","relation":"gender","object":"male"}]""");

        JsonNode cruzeiro = resolve("Tomas Cruzeriro");
        assertThat(cruzeiro.path("entity").path("label").asString()).isEqualTo("Tomas Cruzeiro");
        assertThat(cruzeiro.path("resolution").path("match").asString()).isEqualTo("fuzzy");

        JsonNode pfefferkorn = resolve("marilee pfeferkorn");
        assertThat(pfefferkorn.path("entity").path("label").asString()).isEqualTo("Marilee Pfefferkorn");
        assertThat(pfefferkorn.path("resolution").path("match").asString()).isEqualTo("fuzzy");
    }

    @Test
    void aWordThatSeveralEntitiesShareIsAmbiguousWithThemAsCandidates() {
        postFacts("""
                [{"subject":"Ada Quillon","relation":"gender","object":"female"},
                 {"subject":"Bram Quillon","relation":"gender","object":"male"}]""");

        Reply reply = get("/v1/entities/resolve?q=Quillon");

        assertThat(reply.status().value()).isEqualTo(404);
        assertThat(reply.body().path("type").asString()).endsWith("/ambiguous-entity");
        assertThat(candidateLabels(reply.body())).containsExactly("Ada Quillon", "Bram Quillon");
    }

    @Test
    void anUnknownMentionListsTheNearestNamesByWordsAndBySpelling() {
        postFacts("""
                [{"subject":"Oriel Vantongeren","relation":"gender","object":"female"},
                 {"subject":"Oriana Westmacott","relation":"gender","object":"female"}]""");

        Reply reply = get("/v1/entities/resolve?q=Oriana%20Vantongren");

        assertThat(reply.status().value()).isEqualTo(404);
        assertThat(reply.body().path("type").asString()).endsWith("/unknown-entity");
        assertThat(candidateLabels(reply.body())).contains("Oriel Vantongeren", "Oriana Westmacott");
    }

    @Test
    void aWordOfMoreEntitiesThanThePoolReadsIsAmbiguousAndARarerWordStillFindsTheOne() {
        StringBuilder tsv = new StringBuilder();
        for (int i = 0; i < WordPostings.PER_WORD + 50; i++) {
            tsv.append("Plenty ").append(i).append(" Commonwealth\tgender\tfemale\n");
        }
        tsv.append("Unique Rarebird Commonwealth\tgender\tmale\n");
        assertThat(importTsv(tsv.toString()).status().value()).isEqualTo(200);

        Reply common = get("/v1/entities/resolve?q=Commonwealth");
        assertThat(common.status().value()).isEqualTo(404);
        assertThat(common.body().path("type").asString()).endsWith("/ambiguous-entity");
        assertThat(common.body().path("candidates").size()).isEqualTo(5);

        JsonNode rare = resolve("Rarebird Commonwealth");
        assertThat(rare.path("entity").path("label").asString()).isEqualTo("Unique Rarebird Commonwealth");
        assertThat(rare.path("resolution").path("match").asString()).isEqualTo("token");
    }

    @Test
    void aMentionLongerThanAnyLabelIsRefusedWithASmallProblem() {
        String huge = "Zq".repeat(45_000);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            queries.add("{\"entity\":\"" + huge + i + "\",\"relation\":\"mother\"}");
        }

        Reply one = post("/v1/queries", queries.get(0));
        Reply batch = post("/v1/queries/batch", "{\"queries\":[" + String.join(",", queries) + "]}");

        assertThat(one.status().value()).isEqualTo(400);
        assertThat(one.body().toString()).hasSizeLessThan(1000).contains("500 characters");
        assertThat(batch.status().value()).isEqualTo(200);
        assertThat(batch.body().path("results")).hasSize(20).allSatisfy(r -> assertThat(r.path("status").asInt()).isEqualTo(400));
        assertThat(batch.body().toString()).hasSizeLessThan(20 * 1000);
    }

    @Test
    void theWordsOfEveryStoredNameAreIndexed() {
        postFacts("[{\"subject\":\"Wilhelmina Ostrander-Kast\",\"relation\":\"gender\",\"object\":\"female\"}]");

        long id = jdbc.sql("select id from entity where label = 'Wilhelmina Ostrander-Kast'").query(Long.class).single();
        assertThat(jdbc.sql("select word from entity_word where entity_id = ? order by word").param(id).query(String.class).list())
                .containsExactly("kast", "ostrander", "wilhelmina");
    }

    record Reply(HttpStatusCode status, JsonNode body) {}

    RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    JsonNode resolve(String mention) {
        Reply reply = get("/v1/entities/resolve?q=" + java.net.URLEncoder.encode(mention, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(reply.status().value()).as("resolve %s: %s", mention, reply.body()).isEqualTo(200);
        return reply.body();
    }

    Reply get(String pathAndQuery) {
        return http().get().uri(java.net.URI.create("http://localhost:" + port + pathAndQuery))
                .exchange((request, response) -> new Reply(response.getStatusCode(), response.bodyTo(JsonNode.class)));
    }

    Reply post(String path, String json) {
        return http().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json)
                .exchange((request, response) -> new Reply(response.getStatusCode(), response.bodyTo(JsonNode.class)));
    }

    void postFacts(String json) {
        Reply reply = post("/v1/facts", json);
        assertThat(reply.status().value()).as("%s", reply.body()).isEqualTo(200);
    }

    Reply importTsv(String tsv) {
        return http().post().uri("/v1/facts/import").contentType(MediaType.parseMediaType("text/tab-separated-values")).body(tsv)
                .exchange((request, response) -> new Reply(response.getStatusCode(), response.bodyTo(JsonNode.class)));
    }

    List<String> answers(String query) {
        Reply reply = post("/v1/queries", query);
        assertThat(reply.status().value()).as("%s", reply.body()).isEqualTo(200);
        List<String> labels = new ArrayList<>();
        reply.body().path("answers").forEach(a -> labels.add(a.path("entity").path("label").asString()));
        return labels;
    }

    static List<String> candidateLabels(JsonNode problem) {
        List<String> labels = new ArrayList<>();
        problem.path("candidates").forEach(c -> labels.add(c.path("label").asString()));
        return labels;
    }
}
