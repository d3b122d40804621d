package io.relata.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The store against a real PostgreSQL, end to end over HTTP. The assertions live here; the subclasses only say where
 * the server is: {@link PostgresContainerIT} starts one with Testcontainers, {@link PostgresLocalIT} uses the server
 * named by RELATA_TEST_JDBC_URL. Either way the class starts on an empty database.
 *
 * <p>Tests share the database, so each one uses its own labels and checks them, not global totals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "relata.demo.enabled=false",
        // Small batches, so a short import spans several transactions.
        "relata.ingest.batch-size=4"})
// Each subclass's database goes away after its class: close the application with it rather than cache it.
@DirtiesContext
abstract class PostgresStoreIT {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("relata.home", () -> home.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FactIngestor ingestor;

    @Test
    void flywayMigratesAnEmptyPostgresDatabaseAndTheServiceIsReady() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        assertThat(jdbc.sql("select version, success from flyway_schema_history where version is not null order by installed_rank")
                .query((rs, i) -> rs.getString(1) + ":" + rs.getBoolean(2)).list())
                .startsWith("1:true")
                .allMatch(row -> row.endsWith(":true"));
        assertThat(jdbc.sql("select table_name from information_schema.tables where table_schema = current_schema()")
                .query(String.class).list())
                .contains("entity", "entity_alias", "relation", "fact", "phrase_reading");
        assertThat(jdbc.sql("select count(*) from phrase_reading").query(Long.class).single())
                .as("the built-in lexicon is seeded at start").isPositive();

        JsonNode readiness = http().get().uri("/actuator/health/readiness").retrieve().body(JsonNode.class);
        assertThat(readiness.path("status").asString()).isEqualTo("UP");
    }

    @Test
    void factsPostedOverHttpAreAnsweredForwardAndInverse() {
        Reply posted = postFacts("""
                [{"subject":"Ada Quill","relation":"mother","object":"Mira Quill"},
                 {"subject":"Ada Quill","relation":"gender","object":"female"},
                 {"subject":"Bram Quill","relation":"mother","object":"Mira Quill"},
                 {"subject":"Bram Quill","relation":"gender","object":"male"}]""");
        assertThat(posted.status().value()).isEqualTo(200);
        assertThat(posted.body().path("added").asInt()).isEqualTo(4);

        JsonNode forward = ask("{\"question\":\"Who is Ada Quill's mother?\"}");
        assertThat(forward.path("direction").asString()).isEqualTo("forward");
        assertThat(answerLabels(forward)).containsExactly("Mira Quill");
        assertThat(forward.path("answers").get(0).path("evidence").asString()).isEqualTo("stated");

        JsonNode daughter = ask("{\"question\":\"Who is Mira Quill's daughter?\"}");
        assertThat(daughter.path("direction").asString()).isEqualTo("inverse");
        assertThat(answerLabels(daughter)).containsExactly("Ada Quill");

        JsonNode structured = ask("{\"entity\":\"Mira Quill\",\"relation\":\"mother\",\"direction\":\"inverse\"}");
        assertThat(structured.path("direction").asString()).isEqualTo("inverse");
        assertThat(answerLabels(structured)).containsExactlyInAnyOrder("Ada Quill", "Bram Quill");

        JsonNode viaGet = http().get().uri(b -> b.path("/v1/queries").queryParam("q", "Whose mother is Mira Quill?").build())
                .retrieve().body(JsonNode.class);
        assertThat(answerLabels(viaGet)).containsExactlyInAnyOrder("Ada Quill", "Bram Quill");
    }

    @Test
    void aGedcomTreeWithNamesakesIsImportedOnceAndAnsweredByKey() throws Exception {
        byte[] tree = getClass().getResourceAsStream("/fullstack/royal.ged").readAllBytes();
        Reply first = exchange("/v1/facts/import?source=pgroyal", MediaType.parseMediaType("application/x-gedcom"), tree);
        assertThat(first.status().value()).as("%s", first.body()).isEqualTo(200);
        assertThat(first.body().path("added").asInt()).isEqualTo(40);
        Reply again = exchange("/v1/facts/import?source=pgroyal", MediaType.parseMediaType("application/x-gedcom"), tree);
        assertThat(again.body().path("added").asInt()).isZero();

        Reply ambiguous = exchange("/v1/queries", MediaType.APPLICATION_JSON,
                "{\"entity\":\"Victoria Saxe-Coburg-Gotha\",\"relation\":\"mother\"}");
        assertThat(ambiguous.status().value()).isEqualTo(404);
        assertThat(ambiguous.body().path("candidates").findValuesAsString("key")).containsExactlyInAnyOrder("pgroyal:I3", "pgroyal:I10");
        assertThat(answerLabels(ask("{\"entity\":\"pgroyal:I10\",\"relation\":\"mother\"}"))).containsExactly("Alexandra Glücksburg");
        assertThat(answerLabels(ask("{\"question\":\"Who is Victoria Hanover's son?\"}"))).containsExactly("Albert Edward Saxe-Coburg-Gotha");
    }

    @Test
    void wikidataChildStatementsBecomeMotherAndFatherFactsByTheParentsGender() throws Exception {
        byte[] triples = getClass().getResourceAsStream("/fullstack/wikidata-royals.nt").readAllBytes();
        Reply imported = exchange("/v1/facts/import?profile=wikidata", MediaType.parseMediaType("application/n-triples"), triples);
        assertThat(imported.status().value()).as("%s", imported.body()).isEqualTo(200);
        // P40 on Charles III, whose gender an earlier batch stated: the child's father fact at once
        assertThat(answerLabels(ask("{\"entity\":\"William, Prince of Wales\",\"relation\":\"father\"}"))).containsExactly("Charles III");
        // Catherine's P40 comes batches before her gender: the child's mother fact once the whole file is read
        assertThat(answerLabels(ask("{\"entity\":\"Prince George of Wales\",\"relation\":\"mother\"}")))
                .containsExactly("Catherine, Princess of Wales");
        assertThat(answerLabels(ask("{\"entity\":\"Charles III\",\"relation\":\"mother\"}"))).containsExactly("Elizabeth II");
        Reply again = exchange("/v1/facts/import?profile=wikidata", MediaType.parseMediaType("application/n-triples"), triples);
        assertThat(again.body().path("added").asInt()).isZero();
    }

    @Test
    void factsIngestedDirectlyAreAnsweredBothWays() {
        ingestor.ingest(List.of(new FactInput("Cyd Lark", "father", "Dov Lark")), "it");

        assertThat(answerLabels(ask("{\"entity\":\"Cyd Lark\",\"relation\":\"father\"}"))).containsExactly("Dov Lark");
        assertThat(answerLabels(ask("{\"question\":\"Whose father is Dov Lark?\"}"))).containsExactly("Cyd Lark");
    }

    @Test
    void postingTheSameFactsTwiceStoresThemOnce() {
        String facts = """
                [{"subject":"Eda Moss","relation":"mother","object":"Fay Moss"},
                 {"subject":"Eda Moss","relation":"father","object":"Gil Moss"},
                 {"subject":"Fay Moss","relation":"spouse","object":"Gil Moss"},
                 {"subject":"Eda Moss","relation":"mother","object":"Fay Moss"}]""";

        JsonNode first = postFacts(facts).body();
        assertThat(first.path("received").asInt()).isEqualTo(4);
        assertThat(first.path("added").asInt()).isEqualTo(3);
        assertThat(first.path("duplicates").asInt()).as("the repeat inside the request").isEqualTo(1);

        JsonNode second = postFacts(facts).body();
        assertThat(second.path("received").asInt()).isEqualTo(4);
        assertThat(second.path("added").asInt()).isZero();
        assertThat(second.path("duplicates").asInt()).isEqualTo(4);

        assertThat(factsAbout("% Moss")).isEqualTo(3);
        assertThat(entitiesLabelled("% Moss")).isEqualTo(3);
    }

    @Test
    void importReportsMalformedLinesByNumberAndStoresTheRest() {
        String tsv = String.join("\n",
                "Cora Vale\tmother\tDina Vale",   // 1
                "this line has no tabs",          // 2 rejected
                "",                               // 3 blank: skipped, not counted
                "Cora Vale\tgender\tfemale",      // 4
                " \tfather\tEli Vale",            // 5 rejected: blank subject
                "Finn Vale\tmother\tDina Vale",   // 6
                "Finn Vale\tgender\tmale",        // 7
                "Finn Vale\tfather",              // 8 rejected: two fields
                "Gus Vale\tmother\tDina Vale",    // 9
                "Gus Vale\tgender\tmale",         // 10
                "Cora Vale\tmother\tDina Vale")   // 11 duplicate of line 1
                + "\n";

        Reply reply = importFile(tsv);

        assertThat(reply.status().value()).isEqualTo(200);
        JsonNode summary = reply.body();
        assertThat(summary.path("lines").asInt()).isEqualTo(10);
        assertThat(summary.path("added").asInt()).isEqualTo(6);
        assertThat(summary.path("duplicates").asInt()).isEqualTo(1);
        List<String> rejected = new ArrayList<>();
        summary.path("rejected").forEach(r -> rejected.add(r.path("line").asInt() + ": " + r.path("reason").asString()));
        assertThat(rejected).hasSize(3);
        assertThat(rejected.get(0)).startsWith("2: ").contains("found 1");
        assertThat(rejected.get(1)).startsWith("5: ").contains("subject is blank");
        assertThat(rejected.get(2)).startsWith("8: ").contains("found 2");

        assertThat(factsAbout("% Vale")).isEqualTo(6);
        assertThat(entitiesLabelled("Eli Vale")).as("a rejected line creates no entity").isZero();
        assertThat(answerLabels(ask("{\"question\":\"Who is Dina Vale's son?\"}"))).containsExactlyInAnyOrder("Finn Vale", "Gus Vale");

        JsonNode again = importFile(tsv).body();
        assertThat(again.path("added").asInt()).isZero();
        assertThat(again.path("duplicates").asInt()).isEqualTo(7);
        assertThat(factsAbout("% Vale")).isEqualTo(6);
    }

    @Test
    void aMalformedElementRejectsTheWholePostAndStoresNothing() {
        long factsBefore = factCount();

        Reply reply = postFacts("""
                [{"subject":"Hal Rook","relation":"mother","object":"Ida Rook"},
                 {"subject":"Hal Rook","relation":"father"}]""");

        assertThat(reply.status().value()).isEqualTo(400);
        assertThat(reply.body().path("detail").asString()).contains("element 1").contains("object is missing");
        assertThat(entitiesLabelled("% Rook")).isZero();
        assertThat(factCount()).isEqualTo(factsBefore);
    }

    @Test
    void aStoreFailureInAPostStoresNoneOfIt() {
        long factsBefore = factCount();
        try (Poison poison = Poison.facts(jdbc, "poisoned-post")) {
            Reply reply = postFacts("""
                    [{"subject":"Jon Tern","relation":"mother","object":"Kit Tern"},
                     {"subject":"Jon Tern","relation":"poisoned-post","object":"Lev Tern"},
                     {"subject":"Jon Tern","relation":"father","object":"Lev Tern"}]""");

            assertThat(reply.status().value()).isEqualTo(500);
        }
        assertThat(entitiesLabelled("% Tern")).as("entities are rolled back with the facts").isZero();
        assertThat(relationNamed("poisoned-post")).isZero();
        assertThat(factCount()).isEqualTo(factsBefore);
    }

    @Test
    void aStoreFailureMidImportKeepsTheEarlierBatchesAndNoPartOfTheFailingOne() {
        // batch-size is 4: lines 1-4 commit, lines 5-8 fail on line 7, lines 9-10 are never read into a batch.
        String tsv = String.join("\n",
                "Mae Wren\tmother\tNed Wren",
                "Mae Wren\tgender\tfemale",
                "Ned Wren\tgender\tmale",
                "Mae Wren\tfather\tOla Wren",
                "Pia Wren\tmother\tNed Wren",     // 5: first mention of Pia, in the failing batch
                "Pia Wren\tgender\tfemale",
                "Pia Wren\tpoisoned-import\tQuin Wren",  // 7: the store refuses this one
                "Pia Wren\tfather\tOla Wren",
                "Rex Wren\tmother\tNed Wren",
                "Rex Wren\tgender\tmale") + "\n";

        try (Poison poison = Poison.facts(jdbc, "poisoned-import")) {
            Reply reply = importFile(tsv);

            assertThat(reply.status().value()).isEqualTo(503);
            assertThat(reply.body().path("type").asString()).endsWith("/import-interrupted");
            assertThat(reply.body().path("committedLines").asInt()).isEqualTo(4);
        }
        assertThat(factsAbout("% Wren")).isEqualTo(4);
        assertThat(entitiesLabelled("Pia Wren")).as("an entity first mentioned in the failed batch").isZero();
        assertThat(entitiesLabelled("Quin Wren")).isZero();
        assertThat(entitiesLabelled("Rex Wren")).as("lines after the failure").isZero();
        assertThat(relationNamed("poisoned-import")).isZero();

        // As the problem says: resending the file completes it, and the stored part counts as duplicates.
        JsonNode resent = importFile(tsv).body();
        assertThat(resent.path("added").asInt()).isEqualTo(6);
        assertThat(resent.path("duplicates").asInt()).isEqualTo(4);
        assertThat(factsAbout("% Wren")).isEqualTo(10);
    }

    @Test
    void aLabelThatFoldsLongerThanItselfIsStoredAndFound() {
        String ligatures = "\uFB03".repeat(200); // "ﬃ" folds to "ffi": a 200-character label with a 600-character key

        Reply reply = postFacts("[{\"subject\":\"" + ligatures + "\",\"relation\":\"mother\",\"object\":\"Una Glen\"}]");

        assertThat(reply.status().value()).as("%s", reply.body()).isEqualTo(200);
        assertThat(reply.body().path("added").asInt()).isEqualTo(1);
        assertThat(answerLabels(ask("{\"entity\":\"Una Glen\",\"relation\":\"mother\",\"direction\":\"inverse\"}")))
                .containsExactly(ligatures);
        assertThat(answerLabels(ask("{\"entity\":\"" + ligatures + "\",\"relation\":\"mother\"}"))).containsExactly("Una Glen");
    }

    @Test
    void aRelationTooLongAsStoredIsARejectedLineNotAFailedImport() {
        String padded = "a" + " ".repeat(600) + "b"; // its cleaned form "a b" is short, but relations are stored unfolded

        Reply reply = importFile("Vic Glen\tmother\tWyn Glen\nVic Glen\t" + padded + "\tWyn Glen\nVic Glen\tgender\tmale\n");

        assertThat(reply.status().value()).as("%s", reply.body()).isEqualTo(200);
        assertThat(reply.body().path("added").asInt()).isEqualTo(2);
        assertThat(reply.body().path("rejected").get(0).path("line").asInt()).isEqualTo(2);
        assertThat(reply.body().path("rejected").get(0).path("reason").asString()).contains("relation is longer than");
        assertThat(factsAbout("Vic Glen")).isEqualTo(2);
    }

    @Test
    void aLoneSurrogateIsARejectedLineAndNeverReachesTheStore() {
        String ndjson = "{\"subject\":\"Lone Sur\\ud800\",\"relation\":\"mother\",\"object\":\"Lone Mum\"}\n"
                + "{\"subject\":\"Lone Kid\",\"relation\":\"mother\",\"object\":\"Lone Mum\"}\n";

        Reply reply = exchange("/v1/facts/import", MediaType.parseMediaType("application/x-ndjson"), ndjson);

        assertThat(reply.status().value()).as("%s", reply.body()).isEqualTo(200);
        assertThat(reply.body().path("added").asInt()).isEqualTo(1);
        assertThat(reply.body().path("rejected").get(0).path("line").asInt()).isEqualTo(1);
        assertThat(reply.body().path("rejected").get(0).path("reason").asString()).contains("unpaired surrogate");
        assertThat(entitiesLabelled("Lone Sur%")).isZero();
        assertThat(postFacts("[{\"subject\":\"Lone Sur\\udc00\",\"relation\":\"mother\",\"object\":\"Lone Mum\"}]")
                .status().value()).isEqualTo(400);
    }

    @Test
    void lexiconTextsLongerThanTheirColumnsAreRefusedAndEditsUndoOnPostgres() {
        Reply description = exchange("/v1/lexicon/relations", MediaType.APPLICATION_JSON,
                "{\"name\":\"pg-long\",\"description\":\"" + "d".repeat(1001) + "\"}");
        Reply filter = exchange("/v1/lexicon/phrases", MediaType.APPLICATION_JSON,
                "{\"phrase\":\"pg long\",\"readings\":[{\"relation\":\"mother\",\"filter\":{\"gender\":\"" + "m".repeat(501) + "\"}}]}");
        assertThat(description.status().value()).isEqualTo(400);
        assertThat(filter.status().value()).isEqualTo(400);
        assertThat(relationNamed("pg-long")).isZero();

        assertThat(exchange("/v1/lexicon/relations", MediaType.APPLICATION_JSON,
                "{\"name\":\"pg-director\",\"phrases\":[\"pg director\"]}").status().value()).isEqualTo(200);
        assertThat(http().delete().uri("/v1/lexicon/relations/pg-director").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(200);
        assertThat(relationNamed("pg-director")).isZero();
        long mumReadings = jdbc.sql("select count(*) from phrase_reading where phrase = 'mum' and origin = 'builtin'")
                .query(Long.class).single();
        assertThat(mumReadings).as("mother, and a parent of unstated role who is female").isEqualTo(2);
        assertThat(http().delete().uri("/v1/lexicon/phrases/mum").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from phrase_reading where phrase = 'mum' and origin = 'removed'")
                .query(Long.class).single()).isEqualTo(mumReadings);
        assertThat(exchange("/v1/lexicon/restore-defaults", MediaType.APPLICATION_JSON, "").status().value()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from phrase_reading where phrase = 'mum' and origin = 'builtin'")
                .query(Long.class).single()).isEqualTo(mumReadings);
    }

    @Test
    void concurrentOverlappingIngestionStoresEachFactOnce() throws Exception {
        List<FactInput> facts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            facts.add(new FactInput("Sam Knot " + i, "mother", "Sam Knot " + (i + 1) % 60));
            facts.add(new FactInput("Sam Knot " + i, "father", "Sam Knot " + (i + 7) % 60));
            facts.add(new FactInput("Sam Knot " + i, "sibling", "Sam Knot " + (i + 13) % 60));
            facts.add(new FactInput("Sam Knot " + i, "gender", i % 2 == 0 ? "female" : "male"));
        }
        int threads = 8;
        int chunk = 40;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                List<FactInput> mine = new ArrayList<>(facts);
                Collections.shuffle(mine, new Random(t));
                results.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    long added = 0;
                    long duplicates = 0;
                    for (int i = 0; i < mine.size(); i += chunk) {
                        IngestSummary summary = ingestor.ingest(mine.subList(i, Math.min(mine.size(), i + chunk)), "it");
                        added += summary.added();
                        duplicates += summary.duplicates();
                    }
                    return new long[] {added, duplicates};
                }));
            }
            long added = 0;
            long duplicates = 0;
            for (Future<long[]> result : results) {
                long[] counts = result.get(2, TimeUnit.MINUTES);
                added += counts[0];
                duplicates += counts[1];
            }

            assertThat(added).as("each fact is added by exactly one thread").isEqualTo(facts.size());
            assertThat(duplicates).isEqualTo((long) (threads - 1) * facts.size());
        } finally {
            pool.shutdownNow();
        }
        assertThat(factsAbout("Sam Knot %")).isEqualTo(facts.size());
        assertThat(entitiesLabelled("Sam Knot %")).isEqualTo(60);
        assertThat(jdbc.sql("""
                select count(*) from (select subject_id, relation, object_id from fact group by subject_id, relation, object_id
                having count(*) > 1) twice""").query(Long.class).single()).isZero();
    }

    /** A trigger that makes the store refuse facts of one relation: a real failure in the middle of a transaction. */
    record Poison(JdbcClient jdbc) implements AutoCloseable {

        static Poison facts(JdbcClient jdbc, String relation) {
            jdbc.sql("""
                    create or replace function relata_it_poison() returns trigger language plpgsql as $$
                    begin raise exception 'poisoned fact refused by the test trigger'; end $$""").update();
            jdbc.sql("create trigger relata_it_poison before insert on fact for each row when (new.relation = '"
                    + relation + "') execute function relata_it_poison()").update();
            return new Poison(jdbc);
        }

        @Override
        public void close() {
            jdbc.sql("drop trigger relata_it_poison on fact").update();
            jdbc.sql("drop function relata_it_poison()").update();
        }
    }

    record Reply(HttpStatusCode status, JsonNode body) {}

    RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    Reply postFacts(String json) {
        return exchange("/v1/facts", MediaType.APPLICATION_JSON, json);
    }

    Reply importFile(String tsv) {
        return exchange("/v1/facts/import", MediaType.parseMediaType("text/tab-separated-values"), tsv);
    }

    JsonNode ask(String json) {
        Reply reply = exchange("/v1/queries", MediaType.APPLICATION_JSON, json);
        assertThat(reply.status().value()).as("answer to %s: %s", json, reply.body()).isEqualTo(200);
        return reply.body();
    }

    private Reply exchange(String path, MediaType type, String body) {
        return exchange(path, type, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Posts the bytes as they are: a String body of a type without a charset would be sent in ISO-8859-1. */
    private Reply exchange(String path, MediaType type, byte[] body) {
        return http().post().uri(path).contentType(type).body(body)
                .exchange((request, response) -> new Reply(response.getStatusCode(), response.bodyTo(JsonNode.class)));
    }

    static List<String> answerLabels(JsonNode result) {
        List<String> labels = new ArrayList<>();
        result.path("answers").forEach(a -> labels.add(a.path("entity").path("label").asString()));
        return labels;
    }

    long factCount() {
        return jdbc.sql("select count(*) from fact").query(Long.class).single();
    }

    long factsAbout(String subjectPattern) {
        return jdbc.sql("select count(*) from fact f join entity s on s.id = f.subject_id where s.label like ?")
                .param(subjectPattern).query(Long.class).single();
    }

    long entitiesLabelled(String pattern) {
        return jdbc.sql("select count(*) from entity where label like ?").param(pattern).query(Long.class).single();
    }

    long relationNamed(String name) {
        return jdbc.sql("select count(*) from relation where name = ?").param(name).query(Long.class).single();
    }
}
