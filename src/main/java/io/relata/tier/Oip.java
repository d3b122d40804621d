package io.relata.tier;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The Open Inference Protocol v2 JSON objects relata reads and writes (KServe's REST data plane), and the name, platform
 * and tensors of its one model, {@value #MODEL}. docs/model-tier.md describes the tensors.
 */
final class Oip {

    static final String MODEL = "relata";
    /** "project_format": PyTorch (through DJL), parameters saved as an NDList. */
    static final String PLATFORM = "pytorch_ndlist";
    static final String SERVER = "relata";

    static final String INT64 = "INT64";
    static final String INT32 = "INT32";
    static final String BOOL = "BOOL";
    static final String BYTES = "BYTES";
    static final String FP64 = "FP64";

    /** Input: the entity of each row, by its store id. */
    static final String ENTITY = "entity";
    /** Input: the relation of each row, by name. */
    static final String RELATION = "relation";
    /** Input: true where the row asks for the subject (?, r, entity) rather than the object (entity, r, ?). */
    static final String INVERSE = "inverse";
    /** Input: predictions wanted per row; 0 asks only whether the model knows the entity. */
    static final String K = "k";
    /** Input, optional: the one entity a row judges (a yes/no question), -1 for none. */
    static final String CANDIDATE = "candidate";
    /** Input, optional: the stated answers of all rows, flattened in row order. */
    static final String STATED = "stated";
    /** Input, optional with {@link #STATED}: how many of the stated answers belong to each row. */
    static final String STATED_COUNT = "stated_count";

    /** Output: the predicted entities per row, best first, padded with -1. */
    static final String ANSWER = "answer";
    /** Output: the calibrated probability of each predicted entity, padded with 0. */
    static final String PROBABILITY = "probability";
    /** Output: how many predictions each row has. */
    static final String ANSWER_COUNT = "answer_count";
    /** Output: whether the model was trained with each row's entity. */
    static final String ENTITY_KNOWN = "entity_known";

    /** Response parameter: the device the model runs on. */
    static final String DEVICE = "device";

    static final List<MetadataTensor> INPUTS = List.of(
            new MetadataTensor(ENTITY, INT64, new long[] {-1}),
            new MetadataTensor(RELATION, BYTES, new long[] {-1}),
            new MetadataTensor(INVERSE, BOOL, new long[] {-1}),
            new MetadataTensor(K, INT32, new long[] {-1}),
            new MetadataTensor(CANDIDATE, INT64, new long[] {-1}),
            new MetadataTensor(STATED, INT64, new long[] {-1}),
            new MetadataTensor(STATED_COUNT, INT32, new long[] {-1}));

    static final List<MetadataTensor> OUTPUTS = List.of(
            new MetadataTensor(ANSWER, INT64, new long[] {-1, -1}),
            new MetadataTensor(PROBABILITY, FP64, new long[] {-1, -1}),
            new MetadataTensor(ANSWER_COUNT, INT32, new long[] {-1}),
            new MetadataTensor(ENTITY_KNOWN, BOOL, new long[] {-1}));

    private Oip() {}

    /** $metadata_server_response. */
    record ServerMetadata(String name, String version, List<String> extensions) {}

    /** $metadata_tensor. */
    record MetadataTensor(String name, String datatype, long[] shape) {}

    /** $metadata_model_response; {@code properties} holds the active version, the device and the entity count. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ModelMetadata(String name, List<String> versions, String platform, List<MetadataTensor> inputs,
            List<MetadataTensor> outputs, Map<String, String> properties) {}

    /** $ready_server_response and $live_server_response. */
    record Live(boolean live) {}

    /** $ready_server_response as KServe's servers write it. */
    record Ready(boolean ready) {}

    /** $ready_model_response. */
    record ModelReady(String name, boolean ready) {}

    /** $response_output (also the shape of a $request_input). */
    record Tensor(String name, long[] shape, String datatype, Object data) {}

    /** $inference_response. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InferResponse(@JsonProperty("model_name") String modelName, @JsonProperty("model_version") String modelVersion,
            String id, Map<String, Object> parameters, List<Tensor> outputs) {}

    /** $inference_request, as the API tier sends it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InferRequest(String id, List<Tensor> inputs) {}

    /** The error object of every failed request. */
    record Error(String error) {}
}
