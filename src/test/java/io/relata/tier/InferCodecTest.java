package io.relata.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relata.model.Prediction;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class InferCodecTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode tree(Object value) {
        return JSON.readTree(JSON.writeValueAsBytes(value));
    }

    @Test
    void rowsSurviveTheTripThroughTheRequestTensors() {
        List<InferRow> rows = List.of(
                new InferRow(7, "mother", true, new long[] {3, 9}, -1, 12),
                new InferRow(8, "father", false, new long[0], 5, 1),
                InferRow.probe(11));

        InferCodec.Decoded decoded = InferCodec.decodeRequest(tree(InferCodec.request("q1", rows)));

        assertThat(decoded.id()).isEqualTo("q1");
        assertThat(decoded.rows()).isEqualTo(rows);
        assertThat(decoded.outputs()).isNull();
    }

    @Test
    void raggedStatedAnswersTravelFlatWithAPerRowCount() {
        JsonNode request = tree(InferCodec.request(null, List.of(
                new InferRow(1, "r", false, new long[] {4, 5, 6}, -1, 3),
                new InferRow(2, "r", false, new long[] {7}, -1, 3))));

        JsonNode stated = input(request, Oip.STATED);
        assertThat(stated.path("shape").get(0).asInt()).isEqualTo(4);
        assertThat(stated.path("data").toString()).isEqualTo("[4,5,6,7]");
        assertThat(input(request, Oip.STATED_COUNT).path("data").toString()).isEqualTo("[3,1]");
        assertThat(input(request, Oip.STATED_COUNT).path("datatype").asString()).isEqualTo("INT32");
    }

    @Test
    void predictionsArePaddedToTheLongestRowAndReadBackByTheirCounts() {
        List<RowResult> results = List.of(
                new RowResult(List.of(new Prediction(5, 0.9), new Prediction(6, 0.25)), true),
                new RowResult(List.of(), false),
                new RowResult(List.of(new Prediction(9, 0.5)), true));

        JsonNode response = tree(InferCodec.response("v1", "cpu", "q", results, null));

        assertThat(response.path("model_name").asString()).isEqualTo("relata");
        assertThat(response.path("model_version").asString()).isEqualTo("v1");
        assertThat(response.path("parameters").path("device").asString()).isEqualTo("cpu");
        JsonNode answers = output(response, Oip.ANSWER);
        assertThat(answers.path("shape").toString()).isEqualTo("[3,2]");
        assertThat(answers.path("data").toString()).isEqualTo("[5,6,-1,-1,9,-1]");
        assertThat(output(response, Oip.ANSWER_COUNT).path("data").toString()).isEqualTo("[2,0,1]");
        assertThat(InferCodec.decodeResponse(response, 3)).isEqualTo(results);
    }

    @Test
    void onlyTheOutputsAskedForAreReturned() {
        JsonNode response = tree(InferCodec.response("v1", "cpu", null,
                List.of(new RowResult(List.of(), true)), Set.of(Oip.ENTITY_KNOWN)));

        assertThat(response.path("outputs")).hasSize(1);
        assertThat(response.path("outputs").get(0).path("name").asString()).isEqualTo(Oip.ENTITY_KNOWN);
        assertThat(response.has("id")).isFalse();
    }

    @Test
    void aNestedDataArrayIsReadInRowMajorOrder() {
        String body = """
                {"inputs":[
                  {"name":"entity","shape":[2],"datatype":"INT64","data":[[1],[2]]},
                  {"name":"relation","shape":[2],"datatype":"BYTES","data":["a","b"]},
                  {"name":"inverse","shape":[2],"datatype":"BOOL","data":[false,true]},
                  {"name":"k","shape":[2],"datatype":"INT32","data":[3,4]}]}""";

        List<InferRow> rows = InferCodec.decodeRequest(JSON.readTree(body)).rows();

        assertThat(rows).extracting(InferRow::entity).containsExactly(1L, 2L);
        assertThat(rows).extracting(InferRow::candidate).containsExactly(-1L, -1L);
        assertThat(rows.get(1).inverse()).isTrue();
    }

    @Test
    void tensorsThatDoNotFitTheMetadataAreRefusedWithTheReason() {
        assertRefused("""
                {"inputs":[{"name":"entity","shape":[1],"datatype":"INT32","data":[1]}]}""", "must be INT64");
        assertRefused("""
                {"inputs":[{"name":"entity","shape":[2],"datatype":"INT64","data":[1]}]}""", "shape [2] but 1 elements");
        assertRefused("""
                {"inputs":[{"name":"entity","shape":[1],"datatype":"INT64","data":[1]},
                 {"name":"relation","shape":[1],"datatype":"BYTES","data":["r"]},
                 {"name":"inverse","shape":[1],"datatype":"BOOL","data":[1]},
                 {"name":"k","shape":[1],"datatype":"INT32","data":[1]}]}""", "not a BOOL");
        assertRefused("""
                {"inputs":[{"name":"entity","shape":[1],"datatype":"INT64","data":[1]},
                 {"name":"relation","shape":[1],"datatype":"BYTES","data":["r"]},
                 {"name":"inverse","shape":[1],"datatype":"BOOL","data":[true]},
                 {"name":"k","shape":[1],"datatype":"INT32","data":[1]},
                 {"name":"stated","shape":[2],"datatype":"INT64","data":[1,2]},
                 {"name":"stated_count","shape":[1],"datatype":"INT32","data":[1]}]}""", "adds up to 1 but 'stated' holds 2");
        assertRefused("""
                {"inputs":[{"name":"entity","shape":[1],"datatype":"INT64","data":[1]},
                 {"name":"relation","shape":[1],"datatype":"BYTES","data":["r"]},
                 {"name":"inverse","shape":[1],"datatype":"BOOL","data":[true]},
                 {"name":"k","shape":[1],"datatype":"INT32","data":[-1]}]}""", "k of row 0");
        assertRefused("""
                {"inputs":[{"name":"entity","shape":[1],"datatype":"INT64","data":[1]},
                 {"name":"colour","shape":[1],"datatype":"INT64","data":[1]}]}""", "unknown input 'colour'");
        assertRefused("""
                {"inputs":[{"name":"entity","shape":[1],"datatype":"INT64","data":[1]}]}""", "'relation' (BYTES) is missing");
        assertRefused("{\"outputs\":[]}", "'inputs' must be an array");
    }

    private static void assertRefused(String body, String reason) {
        assertThatThrownBy(() -> InferCodec.decodeRequest(JSON.readTree(body)))
                .isInstanceOf(InvalidInferRequestException.class)
                .hasMessageContaining(reason);
    }

    private static JsonNode input(JsonNode request, String name) {
        for (JsonNode input : request.path("inputs")) {
            if (input.path("name").asString().equals(name)) {
                return input;
            }
        }
        throw new AssertionError("no input " + name);
    }

    private static JsonNode output(JsonNode response, String name) {
        for (JsonNode output : response.path("outputs")) {
            if (output.path("name").asString().equals(name)) {
                return output;
            }
        }
        throw new AssertionError("no output " + name);
    }
}
