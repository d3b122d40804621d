package io.relata.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.RunningRelata;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description the service serves is the one checked in as docs/openapi.json (from which the tests'
 * client is generated), and it is one a client generator can work from: unique, meaningful operation ids, typed
 * bodies with enums, every error response a problem with its types, the bearer scheme.
 *
 * <p>After a change to the API, run this test with {@code -Drelata.openapi.write=true} to write the new description to
 * docs/openapi.json, and review the difference.
 */
class OpenApiDocumentFullStackTest extends RunningRelata {

    static final Path CHECKED_IN = Path.of("docs", "openapi.json");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonNode served() throws Exception {
        var response = get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void theCheckedInDescriptionIsTheOneServed() throws Exception {
        JsonNode served = served();
        String text = JSON.writeValueAsString(served) + "\n";
        if (Boolean.getBoolean("relata.openapi.write")) {
            Files.writeString(CHECKED_IN, text, StandardCharsets.UTF_8);
        }
        Path fresh = Path.of("target", "openapi.json");
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, text, StandardCharsets.UTF_8);

        assertThat(served).as("docs/openapi.json differs from /v3/api-docs (written to target/openapi.json); rerun with "
                + "-Drelata.openapi.write=true to update it").isEqualTo(JSON.readTree(CHECKED_IN.toFile()));
    }

    @Test
    void operationIdsAreUniqueAndSayWhatTheOperationDoes() throws Exception {
        List<String> ids = new ArrayList<>();
        served().path("paths").forEach(item -> item.forEach(operation -> ids.add(operation.path("operationId").asString())));

        assertThat(ids).hasSizeGreaterThanOrEqualTo(21).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("[a-z]+[A-Z][A-Za-z]*"))
                .contains("askQuestion", "askQuery", "addFacts", "listModels", "startTrainingJob", "activateModel");
    }

    @Test
    void everyErrorResponseIsAProblemThatNamesItsTypes() throws Exception {
        JsonNode document = served();
        Set<String> examples = new HashSet<>(document.path("components").path("examples").propertyNames());
        document.path("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/v1/")) {
                return;
            }
            path.getValue().forEach(operation -> {
                String id = operation.path("operationId").asString();
                assertThat(operation.path("responses").propertyNames()).as(id).contains("400", "401", "403", "500", "503");
                operation.path("responses").properties().forEach(response -> {
                    if (response.getKey().startsWith("2")) {
                        assertThat(response.getValue().path("content").propertyNames()).as(id).containsOnly("application/json");
                        return;
                    }
                    JsonNode problem = response.getValue().path("content").path("application/problem+json");
                    assertThat(problem.path("schema").path("$ref").asString()).as(id + " " + response.getKey())
                            .isEqualTo("#/components/schemas/Problem");
                    assertThat(response.getValue().path("description").asString()).contains("Problem types: ");
                    problem.path("examples").properties().forEach(example -> assertThat(examples).contains(example.getKey()));
                });
                assertThat(operation.path("security").toString()).as(id).contains("bearer");
            });
        });
        assertThat(document.path("paths").path("/v1/queries").path("get").path("responses").path("404").path("content")
                .path("application/problem+json").path("examples").propertyNames()).contains("unknown-entity", "ambiguous-entity");
        assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asString()).isEqualTo("bearer");
    }

    @Test
    void bodiesAreTypedAndTheWireValuesAreEnums() throws Exception {
        JsonNode document = served();
        JsonNode schemas = document.path("components").path("schemas");

        assertThat(schemas.has("JsonNode")).as("no Jackson internals in the schemas").isFalse();
        assertThat(document.path("paths").path("/v1/facts").path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("items").path("$ref").asString()).isEqualTo("#/components/schemas/Fact");
        assertThat(enumOf(schemas, "Answer", "evidence")).containsExactly("stated", "derived", "inferred");
        assertThat(enumOf(schemas, "Answer", "filter")).contains("satisfied", "guessed", "unknown", "violated");
        assertThat(enumOf(schemas, "QueryResponse", "direction")).contains("forward", "inverse", "symmetric");
        assertThat(enumOf(schemas, "AnsweringModel", "status")).containsExactly("loaded", "none", "unavailable");
        assertThat(enumOf(schemas, "AnsweringModel", "tier")).containsExactly("local", "remote");
        assertThat(schemas.path("QueryBody").path("properties").path("evidence").path("items").path("enum").toString())
                .contains("stated", "derived", "inferred");
        assertThat(schemas.path("TrainingJobBody").path("properties").path("rank").path("default").asInt())
                .isEqualTo(io.relata.model.TrainingSettings.DEFAULT_RANK);
        for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
            assertThat(schema.getValue().path("type").asString("object")).as(schema.getKey()).isNotBlank();
        }
    }

    private static List<String> enumOf(JsonNode schemas, String schema, String property) {
        List<String> values = new ArrayList<>();
        schemas.path(schema).path("properties").path(property).path("enum").forEach(v -> values.add(v.asString()));
        return values;
    }
}
