package io.relata.tier;

import io.relata.model.Prediction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Rows to and from the tensors of an infer call (docs/model-tier.md): both tiers use it, so the two sides cannot
 * disagree on the layout. A ragged input (the stated answers of each row) travels as one flat INT64 tensor with a
 * per-row count; a ragged output (the predictions) as an [N, K] tensor padded to the longest row, with a per-row count.
 */
final class InferCodec {

    /** Most rows one infer call may carry. */
    static final int MAX_ROWS = 4096;
    /** Most predictions one row may ask for. */
    static final int MAX_K = 100_000;

    private InferCodec() {}

    /** A decoded infer request: its id (echoed), its rows, and the outputs asked for (null: all). */
    record Decoded(String id, List<InferRow> rows, Set<String> outputs) {}

    /** The request the API tier sends for these rows. */
    static Oip.InferRequest request(String id, List<InferRow> rows) {
        int n = rows.size();
        long[] entity = new long[n];
        List<String> relation = new ArrayList<>(n);
        boolean[] inverse = new boolean[n];
        int[] k = new int[n];
        long[] candidate = new long[n];
        int[] statedCount = new int[n];
        int total = 0;
        for (InferRow row : rows) {
            total += row.stated().length;
        }
        long[] stated = new long[total];
        int at = 0;
        for (int i = 0; i < n; i++) {
            InferRow row = rows.get(i);
            entity[i] = row.entity();
            relation.add(row.relation());
            inverse[i] = row.inverse();
            k[i] = row.k();
            candidate[i] = row.candidate();
            statedCount[i] = row.stated().length;
            System.arraycopy(row.stated(), 0, stated, at, row.stated().length);
            at += row.stated().length;
        }
        return new Oip.InferRequest(id, List.of(
                new Oip.Tensor(Oip.ENTITY, new long[] {n}, Oip.INT64, entity),
                new Oip.Tensor(Oip.RELATION, new long[] {n}, Oip.BYTES, relation),
                new Oip.Tensor(Oip.INVERSE, new long[] {n}, Oip.BOOL, inverse),
                new Oip.Tensor(Oip.K, new long[] {n}, Oip.INT32, k),
                new Oip.Tensor(Oip.CANDIDATE, new long[] {n}, Oip.INT64, candidate),
                new Oip.Tensor(Oip.STATED, new long[] {total}, Oip.INT64, stated),
                new Oip.Tensor(Oip.STATED_COUNT, new long[] {n}, Oip.INT32, statedCount)));
    }

    /** Reads an infer request, refusing any tensor that does not match the model's metadata. */
    static Decoded decodeRequest(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInferRequestException("the body must be an inference request object");
        }
        String id = null;
        if (body.has("id")) {
            if (!body.get("id").isString()) {
                throw new InvalidInferRequestException("'id' must be a string");
            }
            id = body.get("id").asString();
        }
        JsonNode inputs = body.get("inputs");
        if (inputs == null || !inputs.isArray()) {
            throw new InvalidInferRequestException("'inputs' must be an array of tensors");
        }
        Map<String, Input> byName = new HashMap<>();
        for (JsonNode input : inputs) {
            Input tensor = Input.of(input);
            if (byName.put(tensor.name, tensor) != null) {
                throw new InvalidInferRequestException("input '" + tensor.name + "' is given twice");
            }
        }
        Set<String> known = new HashSet<>();
        Oip.INPUTS.forEach(t -> known.add(t.name()));
        for (String name : byName.keySet()) {
            if (!known.contains(name)) {
                throw new InvalidInferRequestException("unknown input '" + name + "'; the inputs are " + known);
            }
        }
        Input entity = required(byName, Oip.ENTITY, Oip.INT64);
        int n = entity.rows();
        if (n > MAX_ROWS) {
            throw new InvalidInferRequestException("at most " + MAX_ROWS + " rows per request; got " + n);
        }
        long[] entities = entity.longs();
        List<String> relations = required(byName, Oip.RELATION, Oip.BYTES).strings(n);
        boolean[] inverse = required(byName, Oip.INVERSE, Oip.BOOL).booleans(n);
        long[] k = required(byName, Oip.K, Oip.INT32).rowLongs(n);
        Input candidateInput = optional(byName, Oip.CANDIDATE, Oip.INT64);
        long[] candidate = candidateInput == null ? null : candidateInput.rowLongs(n);
        Input statedInput = optional(byName, Oip.STATED, Oip.INT64);
        Input countInput = optional(byName, Oip.STATED_COUNT, Oip.INT32);
        if ((statedInput == null) != (countInput == null)) {
            throw new InvalidInferRequestException("'stated' and 'stated_count' come together or not at all");
        }
        long[] stated = statedInput == null ? new long[0] : statedInput.longs();
        long[] counts = countInput == null ? new long[n] : countInput.rowLongs(n);
        List<InferRow> rows = new ArrayList<>(n);
        int at = 0;
        for (int i = 0; i < n; i++) {
            if (k[i] < 0 || k[i] > MAX_K) {
                throw new InvalidInferRequestException("k of row " + i + " must be 0.." + MAX_K);
            }
            if (counts[i] < 0 || at + counts[i] > stated.length) {
                throw new InvalidInferRequestException("'stated_count' of row " + i + " runs past the 'stated' tensor");
            }
            long[] own = java.util.Arrays.copyOfRange(stated, at, at + (int) counts[i]);
            at += (int) counts[i];
            rows.add(new InferRow(entities[i], relations.get(i), inverse[i], own, candidate == null ? -1 : candidate[i], (int) k[i]));
        }
        if (at != stated.length) {
            throw new InvalidInferRequestException("'stated_count' adds up to " + at + " but 'stated' holds " + stated.length);
        }
        return new Decoded(id, rows, outputs(body.get("outputs")));
    }

    private static Set<String> outputs(JsonNode outputs) {
        if (outputs == null) {
            return null;
        }
        if (!outputs.isArray()) {
            throw new InvalidInferRequestException("'outputs' must be an array");
        }
        Set<String> names = new HashSet<>();
        Set<String> known = new HashSet<>();
        Oip.OUTPUTS.forEach(t -> known.add(t.name()));
        for (JsonNode output : outputs) {
            JsonNode name = output.get("name");
            if (name == null || !name.isString() || !known.contains(name.asString())) {
                throw new InvalidInferRequestException("each requested output needs a 'name' among " + known);
            }
            names.add(name.asString());
        }
        return names;
    }

    /** The response for the rows' results; only the outputs asked for, all when {@code outputs} is null. */
    static Oip.InferResponse response(String version, String device, String id, List<RowResult> results, Set<String> outputs) {
        int n = results.size();
        int width = 0;
        for (RowResult r : results) {
            width = Math.max(width, r.predictions().size());
        }
        long[] answer = new long[n * width];
        double[] probability = new double[n * width];
        int[] count = new int[n];
        boolean[] known = new boolean[n];
        java.util.Arrays.fill(answer, -1);
        for (int i = 0; i < n; i++) {
            List<Prediction> predictions = results.get(i).predictions();
            count[i] = predictions.size();
            known[i] = results.get(i).entityKnown();
            for (int j = 0; j < predictions.size(); j++) {
                answer[i * width + j] = predictions.get(j).entityId();
                probability[i * width + j] = predictions.get(j).probability();
            }
        }
        List<Oip.Tensor> tensors = new ArrayList<>();
        addIf(tensors, outputs, new Oip.Tensor(Oip.ANSWER, new long[] {n, width}, Oip.INT64, answer));
        addIf(tensors, outputs, new Oip.Tensor(Oip.PROBABILITY, new long[] {n, width}, Oip.FP64, probability));
        addIf(tensors, outputs, new Oip.Tensor(Oip.ANSWER_COUNT, new long[] {n}, Oip.INT32, count));
        addIf(tensors, outputs, new Oip.Tensor(Oip.ENTITY_KNOWN, new long[] {n}, Oip.BOOL, known));
        return new Oip.InferResponse(Oip.MODEL, version, id, Map.of(Oip.DEVICE, device), tensors);
    }

    private static void addIf(List<Oip.Tensor> tensors, Set<String> wanted, Oip.Tensor tensor) {
        if (wanted == null || wanted.contains(tensor.name())) {
            tensors.add(tensor);
        }
    }

    /** The rows' results from a response to a request of {@code n} rows. */
    static List<RowResult> decodeResponse(JsonNode body, int n) {
        JsonNode outputs = body.get("outputs");
        if (outputs == null || !outputs.isArray()) {
            throw new IllegalStateException("the model tier's response has no outputs");
        }
        Map<String, Input> byName = new HashMap<>();
        for (JsonNode output : outputs) {
            Input tensor = Input.of(output);
            byName.put(tensor.name, tensor);
        }
        long[] counts = required(byName, Oip.ANSWER_COUNT, Oip.INT32).rowLongs(n);
        boolean[] known = required(byName, Oip.ENTITY_KNOWN, Oip.BOOL).booleans(n);
        Input answerInput = required(byName, Oip.ANSWER, Oip.INT64);
        long[] answers = answerInput.longs();
        double[] probabilities = required(byName, Oip.PROBABILITY, Oip.FP64).doubles();
        int width = answerInput.shape.length == 2 ? (int) answerInput.shape[1] : 0;
        if (answers.length != n * width || probabilities.length != n * width) {
            throw new IllegalStateException("the model tier's answer tensors do not hold " + n + " rows");
        }
        List<RowResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Prediction> predictions = new ArrayList<>((int) counts[i]);
            for (int j = 0; j < counts[i] && j < width; j++) {
                predictions.add(new Prediction(answers[i * width + j], probabilities[i * width + j]));
            }
            results.add(new RowResult(predictions, known[i]));
        }
        return results;
    }

    private static Input required(Map<String, Input> byName, String name, String datatype) {
        Input input = optional(byName, name, datatype);
        if (input == null) {
            throw new InvalidInferRequestException("tensor '" + name + "' (" + datatype + ") is missing");
        }
        return input;
    }

    private static Input optional(Map<String, Input> byName, String name, String datatype) {
        Input input = byName.get(name);
        if (input != null && !input.datatype.equals(datatype)) {
            throw new InvalidInferRequestException("tensor '" + name + "' must be " + datatype + ", not " + input.datatype);
        }
        return input;
    }

    /** One tensor as read: name, datatype, shape, and its data flattened in row-major order. */
    private static final class Input {

        final String name;
        final String datatype;
        final long[] shape;
        final List<JsonNode> data;

        private Input(String name, String datatype, long[] shape, List<JsonNode> data) {
            this.name = name;
            this.datatype = datatype;
            this.shape = shape;
            this.data = data;
        }

        static Input of(JsonNode tensor) {
            if (tensor == null || !tensor.isObject()) {
                throw new InvalidInferRequestException("each tensor must be an object with name, shape, datatype and data");
            }
            JsonNode name = tensor.get("name");
            JsonNode datatype = tensor.get("datatype");
            JsonNode shape = tensor.get("shape");
            JsonNode data = tensor.get("data");
            if (name == null || !name.isString() || datatype == null || !datatype.isString() || shape == null
                    || !shape.isArray() || data == null || !data.isArray()) {
                throw new InvalidInferRequestException("each tensor must have a string name and datatype, a shape array and a data array");
            }
            long[] dims = new long[shape.size()];
            long size = 1;
            for (int i = 0; i < dims.length; i++) {
                JsonNode d = shape.get(i);
                if (!d.isIntegralNumber() || d.asLong() < 0) {
                    throw new InvalidInferRequestException("the shape of '" + name.asString() + "' must hold non-negative integers");
                }
                dims[i] = d.asLong();
                size = Math.multiplyExact(size, Math.max(dims[i], 0));
            }
            List<JsonNode> flat = new ArrayList<>();
            flatten(data, flat, name.asString());
            if (flat.size() != size) {
                throw new InvalidInferRequestException("tensor '" + name.asString() + "' has shape " + java.util.Arrays.toString(dims)
                        + " but " + flat.size() + " elements");
            }
            return new Input(name.asString(), datatype.asString(), dims, flat);
        }

        private static void flatten(JsonNode data, List<JsonNode> into, String name) {
            for (JsonNode element : data) {
                if (element.isArray()) {
                    flatten(element, into, name);
                } else {
                    into.add(element);
                }
                if (into.size() > MAX_ROWS * 64) {
                    throw new InvalidInferRequestException("tensor '" + name + "' is too large");
                }
            }
        }

        int rows() {
            if (shape.length != 1) {
                throw new InvalidInferRequestException("tensor '" + name + "' must have shape [N]");
            }
            return (int) shape[0];
        }

        private void checkRows(int n) {
            if (shape.length != 1 || shape[0] != n) {
                throw new InvalidInferRequestException("tensor '" + name + "' must have shape [" + n + "], one element per row");
            }
        }

        long[] rowLongs(int n) {
            checkRows(n);
            return longs();
        }

        long[] longs() {
            long[] values = new long[data.size()];
            boolean int32 = datatype.equals(Oip.INT32);
            for (int i = 0; i < values.length; i++) {
                JsonNode v = data.get(i);
                if (!v.isIntegralNumber() || !v.canConvertToLong()
                        || int32 && (v.asLong() < Integer.MIN_VALUE || v.asLong() > Integer.MAX_VALUE)) {
                    throw new InvalidInferRequestException("element " + i + " of '" + name + "' is not an " + datatype);
                }
                values[i] = v.asLong();
            }
            return values;
        }

        double[] doubles() {
            double[] values = new double[data.size()];
            for (int i = 0; i < values.length; i++) {
                JsonNode v = data.get(i);
                if (!v.isNumber()) {
                    throw new InvalidInferRequestException("element " + i + " of '" + name + "' is not a number");
                }
                values[i] = v.asDouble();
            }
            return values;
        }

        boolean[] booleans(int n) {
            checkRows(n);
            boolean[] values = new boolean[n];
            for (int i = 0; i < n; i++) {
                JsonNode v = data.get(i);
                if (!v.isBoolean()) {
                    throw new InvalidInferRequestException("element " + i + " of '" + name + "' is not a BOOL");
                }
                values[i] = v.asBoolean();
            }
            return values;
        }

        List<String> strings(int n) {
            checkRows(n);
            List<String> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                JsonNode v = data.get(i);
                if (!v.isString()) {
                    throw new InvalidInferRequestException("element " + i + " of '" + name + "' is not a string");
                }
                values.add(v.asString());
            }
            return values;
        }
    }
}
