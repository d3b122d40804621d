package io.relata.deploycheck;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The promises for a GPU deployment, checked on the render of helm/relata/ci/gpu.yaml: the relata pod requests
 * nvidia.com/gpu, lands on GPU nodes, runs the CUDA image as a non-root user with a read-only root filesystem, and is
 * ready (on /actuator/health/readiness) only once the model is loaded on the GPU.
 */
final class GpuRules {

    static final String GPU = "nvidia.com/gpu";

    private GpuRules() {}

    static List<String> check(List<HasMetadata> objects) {
        List<String> problems = new ArrayList<>();
        List<Deployment> deployments = objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).toList();
        if (deployments.size() != 1) {
            problems.add("GPU: expected one Deployment, found " + deployments.size());
            return problems;
        }
        Deployment d = deployments.get(0);
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().stream().filter(x -> x.getName().equals("relata")).findFirst().orElse(null);
        if (c == null) {
            problems.add("GPU: no container named relata");
            return problems;
        }
        Map<String, Quantity> limits = c.getResources() == null || c.getResources().getLimits() == null
                ? Map.of() : c.getResources().getLimits();
        BigDecimal gpus = limits.containsKey(GPU) ? ChartRules.amount(limits.get(GPU)) : null;
        if (gpus == null || gpus.compareTo(BigDecimal.ONE) < 0) {
            problems.add("GPU: the relata container does not request " + GPU + " (limits: " + limits.keySet() + ")");
        }
        if (c.getImage() == null || !c.getImage().matches(".*:[^/:@]+-cuda(@.*)?$")) {
            problems.add("GPU: image " + c.getImage() + " is not a -cuda tag");
        }
        boolean tolerates = pod.getTolerations() != null && pod.getTolerations().stream().anyMatch(t -> GPU.equals(t.getKey()));
        if (!tolerates) {
            problems.add("GPU: no toleration for the " + GPU + " taint");
        }
        boolean placed = (pod.getNodeSelector() != null && !pod.getNodeSelector().isEmpty())
                || (pod.getAffinity() != null && pod.getAffinity().getNodeAffinity() != null);
        if (!placed) {
            problems.add("GPU: neither nodeSelector nor node affinity steers the pod to GPU nodes");
        }

        PodSecurityContext psc = pod.getSecurityContext();
        SecurityContext sc = c.getSecurityContext();
        Boolean nonRoot = sc != null && sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : psc == null ? null : psc.getRunAsNonRoot();
        Long user = sc != null && sc.getRunAsUser() != null ? sc.getRunAsUser() : psc == null ? null : psc.getRunAsUser();
        if (!Boolean.TRUE.equals(nonRoot) || user == null || user == 0) {
            problems.add("GPU: does not run as a numeric non-root user (runAsNonRoot " + nonRoot + ", runAsUser " + user + ")");
        }
        if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
            problems.add("GPU: root filesystem is not read-only");
        }
        if (c.getReadinessProbe() == null || c.getReadinessProbe().getHttpGet() == null
                || !"/actuator/health/readiness".equals(c.getReadinessProbe().getHttpGet().getPath())) {
            problems.add("GPU: readiness probe is not GET /actuator/health/readiness");
        }

        // Readiness includes the model only when relata.model.required is true; the device must be the GPU.
        Map<String, String> env = effectiveEnv(objects, c);
        if (!"true".equals(env.get("RELATA_MODEL_REQUIRED"))) {
            problems.add("GPU: RELATA_MODEL_REQUIRED is " + env.get("RELATA_MODEL_REQUIRED") + ": the pod would be ready without a model");
        }
        if (!"gpu".equals(env.get("RELATA_MODEL_DEVICE"))) {
            problems.add("GPU: RELATA_MODEL_DEVICE is " + env.get("RELATA_MODEL_DEVICE") + ", not gpu: relata would fall back to the CPU silently");
        }
        return problems;
    }

    /** The container's plain environment: ConfigMaps from envFrom first, then env entries with a literal value. */
    private static Map<String, String> effectiveEnv(List<HasMetadata> objects, Container c) {
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource from : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
            if (from.getConfigMapRef() == null) {
                continue;
            }
            objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                    .filter(cm -> cm.getMetadata().getName().equals(from.getConfigMapRef().getName()))
                    .findFirst()
                    .ifPresent(cm -> env.putAll(cm.getData() == null ? Map.of() : cm.getData()));
        }
        for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
            if (e.getValueFrom() == null) {
                env.put(e.getName(), e.getValue());
            } else {
                env.remove(e.getName());
            }
        }
        return env;
    }
}
