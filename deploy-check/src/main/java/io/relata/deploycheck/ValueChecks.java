package io.relata.deploycheck;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two checks that neither the schemas nor the CEL policies can make, because CEL here has no Kubernetes quantity
 * arithmetic and cannot parse JSON: a container's request must not exceed its limit (the API server refuses it), and
 * a ConfigMap's *.json entry (the Grafana dashboard) must be valid JSON without duplicate keys.
 */
final class ValueChecks {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ValueChecks() {}

    static List<String> check(List<HasMetadata> objects) {
        List<String> problems = new ArrayList<>();
        for (HasMetadata o : objects) {
            if (o instanceof Deployment d) {
                PodSpec spec = d.getSpec().getTemplate().getSpec();
                spec.getContainers().forEach(c -> requestsWithinLimits(d, c, problems));
            }
            if (o instanceof ConfigMap cm && cm.getData() != null) {
                cm.getData().forEach((key, value) -> {
                    if (key.endsWith(".json")) {
                        try {
                            JSON.readTree(value);
                        } catch (IOException e) {
                            problems.add("ConfigMap " + cm.getMetadata().getName() + ": " + key + " is not valid JSON: " + StrictParser.firstLine(e));
                        }
                    }
                });
            }
        }
        return problems;
    }

    private static void requestsWithinLimits(Deployment d, Container c, List<String> problems) {
        if (c.getResources() == null || c.getResources().getRequests() == null || c.getResources().getLimits() == null) {
            return;
        }
        Map<String, Quantity> limits = c.getResources().getLimits();
        c.getResources().getRequests().forEach((name, request) -> {
            Quantity limit = limits.get(name);
            BigDecimal r = amount(request);
            BigDecimal l = limit == null ? null : amount(limit);
            if (r == null || (limit != null && l == null)) {
                problems.add("Deployment " + d.getMetadata().getName() + ": container " + c.getName() + ": " + name + " is not a quantity");
            } else if (l != null && r.compareTo(l) > 0) {
                problems.add("Deployment " + d.getMetadata().getName() + ": container " + c.getName() + ": request " + name
                        + " " + request + " exceeds its limit " + limit);
            }
        });
    }

    private static BigDecimal amount(Quantity q) {
        try {
            return q.getNumericalAmount();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
