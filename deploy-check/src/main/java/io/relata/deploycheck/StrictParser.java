package io.relata.deploycheck;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.util.ArrayList;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a multi-document YAML stream into typed Kubernetes objects the way the API server would accept them: an
 * unknown field, a duplicate key, a string where a number belongs (or the reverse) or an unknown apiVersion/kind is a
 * problem, not something to skip over.
 */
final class StrictParser {

    /** The kinds the chart may render, by "apiVersion/kind". Anything else is reported. */
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("v1/Pod", Pod.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

    /**
     * KServe's InferenceService (serving.kserve.io/v1beta1) has no Java model here: its predictor is a pod spec
     * inlined with KServe's own fields, so those fields are checked by name and the rest strictly as a PodSpec.
     */
    static final String INFERENCE_SERVICE = "serving.kserve.io/v1beta1/InferenceService";

    /** The predictor fields KServe adds to the pod spec (ComponentExtensionSpec, v1beta1). */
    static final Set<String> PREDICTOR_FIELDS = Set.of("minReplicas", "maxReplicas", "scaleTarget", "scaleMetric",
            "scaleMetricType", "containerConcurrency", "timeout", "canaryTrafficPercent", "logger", "batcher", "labels",
            "annotations", "deploymentStrategy", "autoScaling");

    /** One parsed stream: the objects that parsed, a line per document that did not, and every document as read. */
    record Result(List<HasMetadata> objects, List<String> problems, List<JsonNode> documents) {}

    private final YAMLMapper mapper = strictMapper();

    Result parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = mapper.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNextValue()) {
                documents.add(it.nextValue());
            }
        } catch (IOException | RuntimeException e) {
            problems.add("not valid YAML: " + firstLine(e));
            return new Result(objects, problems, List.of());
        }
        documents.removeIf(d -> d == null || d.isNull() || d.isMissingNode());
        int index = 0;
        for (JsonNode document : documents) {
            index++;
            if (document == null || document.isNull() || document.isMissingNode()) {
                continue; // an empty document between two "---"
            }
            String where = "document " + index;
            if (!document.isObject()) {
                problems.add(where + ": not a mapping");
                continue;
            }
            String apiVersion = document.path("apiVersion").asText("");
            String kind = document.path("kind").asText("");
            String name = document.path("metadata").path("name").asText("?");
            where = where + " (" + apiVersion + " " + kind + " " + name + ")";
            Class<? extends HasMetadata> type = KINDS.get(apiVersion + "/" + kind);
            if (INFERENCE_SERVICE.equals(apiVersion + "/" + kind)) {
                inferenceService(where, document, problems);
                continue;
            }
            if (type == null) {
                problems.add(where + ": no schema for apiVersion " + apiVersion + ", kind " + kind);
                continue;
            }
            try {
                objects.add(mapper.treeToValue(document, type));
            } catch (IOException | RuntimeException e) {
                problems.add(where + ": " + describe(e));
            }
        }
        return new Result(objects, problems, documents);
    }

    private void inferenceService(String where, JsonNode document, List<String> problems) {
        for (Iterator<String> it = document.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!Set.of("apiVersion", "kind", "metadata", "spec").contains(field)) {
                problems.add(where + ": at the top: unknown field \"" + field + "\"");
            }
        }
        try {
            mapper.treeToValue(document.path("metadata"), io.fabric8.kubernetes.api.model.ObjectMeta.class);
        } catch (IOException | RuntimeException e) {
            problems.add(where + ": metadata: " + describe(e));
        }
        JsonNode spec = document.path("spec");
        for (Iterator<String> it = spec.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!Set.of("predictor", "transformer", "explainer").contains(field)) {
                problems.add(where + ": at spec: unknown field \"" + field + "\"");
            }
        }
        if (!spec.path("predictor").isObject()) {
            problems.add(where + ": spec.predictor is missing");
            return;
        }
        ObjectNode podSpec = ((ObjectNode) spec.path("predictor")).deepCopy();
        podSpec.remove(PREDICTOR_FIELDS);
        try {
            mapper.treeToValue(podSpec, PodSpec.class);
        } catch (IOException | RuntimeException e) {
            problems.add(where + ": spec.predictor as a pod spec: " + describe(e));
        }
    }

    private static YAMLMapper strictMapper() {
        YAMLMapper mapper = YAMLMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // fabric8's models catch unknown fields in an "additionalProperties" any-setter; without it they fail.
                .annotationIntrospector(new JacksonAnnotationIntrospector() {
                    @Override
                    public Boolean hasAnySetter(Annotated a) {
                        return Boolean.FALSE;
                    }

                    @Override
                    public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated a) {
                        return super.findPropertyIgnoralByName(config, a).withoutIgnoreUnknown();
                    }
                })
                .build();
        // The API server takes no string for a number or boolean, and no number or boolean for a string.
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** A mapping error as "at spec.template.spec.containers[0].x: what went wrong". */
    static String describe(Throwable e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return firstLine(e);
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        String message = firstLine(new RuntimeException(mapping.getOriginalMessage()));
        int known = message.indexOf(", not marked as ignorable");
        if (known > 0) {
            message = message.substring(0, known);
        }
        return "at " + (path.length() == 0 ? "the top" : path) + ": " + message;
    }

    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
