package io.relata.deploycheck;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the API server would refuse beyond the schema (names, labels, selectors, references between objects, resource
 * quantities) and what the chart promises for every render (restricted pod security, probes on the health groups and
 * on the management port, metrics scraped there, writable /tmp under a read-only root, no Service endpoint on the
 * test pod).
 */
final class ChartRules {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(DNS_LABEL + "(\\." + DNS_LABEL + ")*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
    private static final String HOOK = "helm.sh/hook";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final List<HasMetadata> objects;
    private final List<String> problems = new ArrayList<>();

    private ChartRules(List<HasMetadata> objects) {
        this.objects = objects;
    }

    static List<String> check(List<HasMetadata> objects) {
        ChartRules rules = new ChartRules(objects);
        rules.run();
        return rules.problems;
    }

    private void run() {
        Set<String> seen = new HashSet<>();
        for (HasMetadata o : objects) {
            if (!seen.add(o.getKind() + "/" + o.getMetadata().getName())) {
                problem(o, "rendered twice");
            }
            metadata(o);
        }
        List<Deployment> deployments = all(Deployment.class);
        if (deployments.size() != 1) {
            problems.add("expected exactly one Deployment, found " + deployments.size());
        }
        for (Deployment d : deployments) {
            deployment(d);
        }
        for (Pod p : all(Pod.class)) {
            if (p.getMetadata().getAnnotations() == null || !p.getMetadata().getAnnotations().containsKey(HOOK)) {
                problem(p, "a bare Pod that is not a Helm hook");
            }
            podSpec(p, p.getSpec(), p.getMetadata().getLabels(), false);
        }
        all(Service.class).forEach(this::service);
        all(PodDisruptionBudget.class).forEach(this::podDisruptionBudget);
        all(HorizontalPodAutoscaler.class).forEach(this::autoscaler);
        all(ServiceMonitor.class).forEach(this::serviceMonitor);
        for (ConfigMap cm : all(ConfigMap.class)) {
            (cm.getData() == null ? Map.<String, String>of() : cm.getData()).forEach((key, value) -> {
                if (key.endsWith(".json")) {
                    try {
                        JSON.readTree(value);
                    } catch (IOException e) {
                        problem(cm, key + " is not valid JSON: " + StrictParser.firstLine(e));
                    }
                }
            });
        }
        all(PersistentVolumeClaim.class).forEach(pvc -> {
            Quantity storage = pvc.getSpec().getResources() == null || pvc.getSpec().getResources().getRequests() == null
                    ? null : pvc.getSpec().getResources().getRequests().get("storage");
            if (storage == null) {
                problem(pvc, "no storage request");
            } else {
                quantity(pvc, "storage request", storage);
            }
        });
    }

    // --- every object ------------------------------------------------------------------------------------------

    private void metadata(HasMetadata o) {
        String name = o.getMetadata().getName();
        Pattern pattern = o instanceof Service ? DNS_1035_LABEL : DNS_SUBDOMAIN;
        int max = o instanceof Service ? 63 : 253;
        if (name == null || name.length() > max || !pattern.matcher(name).matches()) {
            problem(o, "metadata.name '" + name + "' is not a valid name for a " + o.getKind());
        }
        Map<String, String> labels = o.getMetadata().getLabels();
        if (labels != null) {
            labels.forEach((key, value) -> {
                qualifiedKey(o, "label", key);
                if (value.length() > 63 || !(value.isEmpty() || QUALIFIED_NAME.matcher(value).matches())) {
                    problem(o, "label " + key + " has an invalid value '" + value + "'");
                }
            });
        }
        Map<String, String> annotations = o.getMetadata().getAnnotations();
        if (annotations != null) {
            annotations.keySet().forEach(key -> qualifiedKey(o, "annotation", key));
        }
    }

    private void qualifiedKey(HasMetadata o, String what, String key) {
        int slash = key.indexOf('/');
        String prefix = slash < 0 ? null : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        boolean ok = name.length() <= 63 && QUALIFIED_NAME.matcher(name).matches()
                && (prefix == null || (prefix.length() <= 253 && DNS_SUBDOMAIN.matcher(prefix).matches()));
        if (!ok) {
            problem(o, what + " key '" + key + "' is not a valid qualified name");
        }
    }

    // --- workloads ----------------------------------------------------------------------------------------------

    private void deployment(Deployment d) {
        Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
        if (!selects(d.getSpec().getSelector(), podLabels)) {
            problem(d, "spec.selector does not match the pod template's labels (the API server refuses this)");
        }
        boolean autoscaled = all(HorizontalPodAutoscaler.class).stream()
                .anyMatch(h -> d.getMetadata().getName().equals(h.getSpec().getScaleTargetRef().getName()));
        if (autoscaled && d.getSpec().getReplicas() != null) {
            problem(d, "sets spec.replicas while a HorizontalPodAutoscaler scales it: every upgrade would reset the scale");
        }
        PodSpec spec = d.getSpec().getTemplate().getSpec();
        podSpec(d, spec, podLabels, true);
        if (!Boolean.FALSE.equals(spec.getAutomountServiceAccountToken())) {
            problem(d, "mounts a service account token (relata never calls the Kubernetes API)");
        }
        String account = spec.getServiceAccountName();
        if (account != null && !account.equals("default") && find(ServiceAccount.class, account) == null) {
            problem(d, "uses ServiceAccount " + account + ", which the chart does not render");
        }
        for (Container c : spec.getContainers()) {
            SecurityContext sc = c.getSecurityContext();
            if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                problem(d, "container " + c.getName() + ": root filesystem not read-only");
            }
            if (c.getVolumeMounts() == null || c.getVolumeMounts().stream().noneMatch(m -> m.getMountPath().equals("/tmp"))) {
                problem(d, "container " + c.getName() + ": no writable /tmp under the read-only root filesystem");
            }
            httpProbe(d, c, "startupProbe", c.getStartupProbe(), "/actuator/health/liveness", "/actuator/health/readiness");
            httpProbe(d, c, "readinessProbe", c.getReadinessProbe(), "/actuator/health/readiness");
            httpProbe(d, c, "livenessProbe", c.getLivenessProbe(), "/actuator/health/liveness");
            managementPort(d, c);
        }
    }

    /**
     * The actuator runs on its own port: the container port named management is the one relata is told to use
     * (MANAGEMENT_SERVER_PORT in its ConfigMap), and every probe uses it.
     */
    private void managementPort(Deployment d, Container c) {
        Integer port = c.getPorts() == null ? null : c.getPorts().stream()
                .filter(p -> "management".equals(p.getName())).map(ContainerPort::getContainerPort).findFirst().orElse(null);
        if (port == null) {
            problem(d, "container " + c.getName() + ": no container port named management (the actuator's own port)");
            return;
        }
        String configured = c.getEnvFrom() == null ? null : c.getEnvFrom().stream()
                .filter(e -> e.getConfigMapRef() != null)
                .map(e -> find(ConfigMap.class, e.getConfigMapRef().getName()))
                .filter(Objects::nonNull)
                .map(cm -> cm.getData() == null ? null : cm.getData().get("MANAGEMENT_SERVER_PORT"))
                .filter(Objects::nonNull).findFirst().orElse(null);
        if (!String.valueOf(port).equals(configured)) {
            problem(d, "container " + c.getName() + ": port management is " + port + " but MANAGEMENT_SERVER_PORT is " + configured);
        }
        for (Probe probe : Arrays.asList(c.getStartupProbe(), c.getReadinessProbe(), c.getLivenessProbe())) {
            if (probe != null && probe.getHttpGet() != null && !new IntOrString("management").equals(probe.getHttpGet().getPort())) {
                IntOrString used = probe.getHttpGet().getPort();
                problem(d, "container " + c.getName() + ": a probe on port "
                        + (used == null ? null : used.getStrVal() != null ? used.getStrVal() : used.getIntVal())
                        + ", not on the management port (the API port serves no actuator endpoint)");
            }
        }
    }

    private void httpProbe(HasMetadata o, Container c, String which, Probe probe, String... paths) {
        if (probe == null || probe.getHttpGet() == null) {
            problem(o, "container " + c.getName() + ": no HTTP " + which);
        } else if (!List.of(paths).contains(probe.getHttpGet().getPath())) {
            problem(o, "container " + c.getName() + ": " + which + " on " + probe.getHttpGet().getPath()
                    + ", expected " + String.join(" or ", paths));
        }
    }

    private void podSpec(HasMetadata o, PodSpec spec, Map<String, String> podLabels, boolean server) {
        if (spec.getContainers() == null || spec.getContainers().isEmpty()) {
            problem(o, "no containers");
            return;
        }
        Set<String> volumes = new HashSet<>();
        for (Volume v : spec.getVolumes() == null ? List.<Volume>of() : spec.getVolumes()) {
            if (!volumes.add(v.getName()) || !DNS_LABEL.matcher(v.getName()).matches()) {
                problem(o, "volume name '" + v.getName() + "' is invalid or repeated");
            }
            if (v.getHostPath() != null) {
                problem(o, "volume " + v.getName() + " is a hostPath");
            }
            if (v.getEmptyDir() != null && v.getEmptyDir().getSizeLimit() != null) {
                quantity(o, "emptyDir " + v.getName() + " sizeLimit", v.getEmptyDir().getSizeLimit());
            }
            if (v.getPersistentVolumeClaim() != null && server && !all(PersistentVolumeClaim.class).isEmpty()
                    && find(PersistentVolumeClaim.class, v.getPersistentVolumeClaim().getClaimName()) == null) {
                problem(o, "volume " + v.getName() + " claims " + v.getPersistentVolumeClaim().getClaimName()
                        + " but the chart renders another claim");
            }
            if (v.getConfigMap() != null && !Boolean.TRUE.equals(v.getConfigMap().getOptional())
                    && find(ConfigMap.class, v.getConfigMap().getName()) == null) {
                problem(o, "volume " + v.getName() + " needs ConfigMap " + v.getConfigMap().getName() + ", not rendered");
            }
        }
        podSecurity(o, spec);
        Set<String> names = new HashSet<>();
        for (Container c : spec.getContainers()) {
            if (!names.add(c.getName()) || c.getName() == null || !DNS_LABEL.matcher(c.getName()).matches()) {
                problem(o, "container name '" + c.getName() + "' is invalid or repeated");
            }
            container(o, spec, c, volumes);
        }
        if (!server) {
            // A pod the Service selects gets traffic: the test pod must not look like a server pod.
            for (Service s : all(Service.class)) {
                if (s.getSpec().getSelector() != null && subset(s.getSpec().getSelector(), podLabels)) {
                    problem(o, "is selected by Service " + s.getMetadata().getName() + " and would receive its traffic");
                }
            }
        }
    }

    private void container(HasMetadata o, PodSpec spec, Container c, Set<String> volumes) {
        String where = "container " + c.getName() + ": ";
        if (c.getImage() == null || c.getImage().isBlank()) {
            problem(o, where + "no image");
        }
        Set<String> portNames = new HashSet<>();
        for (ContainerPort p : c.getPorts() == null ? List.<ContainerPort>of() : c.getPorts()) {
            if (p.getContainerPort() == null || p.getContainerPort() < 1 || p.getContainerPort() > 65535) {
                problem(o, where + "containerPort " + p.getContainerPort() + " out of range");
            }
            if (p.getName() != null && (p.getName().length() > 15 || !PORT_NAME.matcher(p.getName()).matches()
                    || !p.getName().matches(".*[a-z].*") || !portNames.add(p.getName()))) {
                problem(o, where + "port name '" + p.getName() + "' is invalid or repeated");
            }
        }
        Set<String> envNames = new HashSet<>();
        for (EnvVar e : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
            if (!ENV_NAME.matcher(e.getName()).matches() || !envNames.add(e.getName())) {
                problem(o, where + "env name '" + e.getName() + "' is invalid or repeated");
            }
            if (e.getValue() != null && e.getValueFrom() != null) {
                problem(o, where + "env " + e.getName() + " has both value and valueFrom");
            }
            EnvVarSource from = e.getValueFrom();
            if (from != null) {
                long sources = Stream.of(from.getConfigMapKeyRef(), from.getSecretKeyRef(),
                        from.getFieldRef(), from.getResourceFieldRef()).filter(Objects::nonNull).count();
                if (sources != 1) {
                    problem(o, where + "env " + e.getName() + " needs exactly one valueFrom source");
                }
                secretKey(o, where + "env " + e.getName(), from.getSecretKeyRef());
                if (from.getResourceFieldRef() != null && from.getResourceFieldRef().getContainerName() != null
                        && spec.getContainers().stream().noneMatch(x -> x.getName().equals(from.getResourceFieldRef().getContainerName()))) {
                    problem(o, where + "env " + e.getName() + " refers to an unknown container");
                }
            }
        }
        for (EnvFromSource e : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
            if (e.getConfigMapRef() != null && !Boolean.TRUE.equals(e.getConfigMapRef().getOptional())
                    && find(ConfigMap.class, e.getConfigMapRef().getName()) == null) {
                problem(o, where + "envFrom ConfigMap " + e.getConfigMapRef().getName() + " is not rendered");
            }
        }
        Set<String> paths = new HashSet<>();
        for (VolumeMount m : c.getVolumeMounts() == null ? List.<VolumeMount>of() : c.getVolumeMounts()) {
            if (!volumes.contains(m.getName())) {
                problem(o, where + "mounts unknown volume " + m.getName());
            }
            if (m.getMountPath() == null || !m.getMountPath().startsWith("/") || !paths.add(m.getMountPath())) {
                problem(o, where + "mount path '" + m.getMountPath() + "' is invalid or repeated");
            }
        }
        for (Probe probe : Arrays.asList(c.getStartupProbe(), c.getReadinessProbe(), c.getLivenessProbe())) {
            if (probe == null) {
                continue;
            }
            long handlers = Stream.of(probe.getHttpGet(), probe.getExec(), probe.getTcpSocket(), probe.getGrpc())
                    .filter(Objects::nonNull).count();
            if (handlers != 1) {
                problem(o, where + "a probe needs exactly one handler");
            }
            if (probe.getHttpGet() != null) {
                IntOrString port = probe.getHttpGet().getPort();
                if (port == null || (port.getStrVal() != null && !portNames.contains(port.getStrVal()))) {
                    problem(o, where + "probe port " + port + " is not a container port");
                }
                if (probe.getHttpGet().getPath() == null || !probe.getHttpGet().getPath().startsWith("/")) {
                    problem(o, where + "probe path must start with /");
                }
            }
        }
        resources(o, where, c);
        containerSecurity(o, where, spec.getSecurityContext(), c.getSecurityContext());
    }

    private void resources(HasMetadata o, String where, Container c) {
        if (c.getResources() == null) {
            return;
        }
        Map<String, Quantity> requests = c.getResources().getRequests() == null ? Map.of() : c.getResources().getRequests();
        Map<String, Quantity> limits = c.getResources().getLimits() == null ? Map.of() : c.getResources().getLimits();
        requests.forEach((name, q) -> quantity(o, where + "request " + name, q));
        limits.forEach((name, q) -> quantity(o, where + "limit " + name, q));
        requests.forEach((name, q) -> {
            Quantity limit = limits.get(name);
            if (limit != null && amount(q) != null && amount(limit) != null && amount(q).compareTo(amount(limit)) > 0) {
                problem(o, where + "request " + name + " " + q + " exceeds its limit " + limit);
            }
        });
        // Extended resources (nvidia.com/gpu): whole numbers, set as limits, requests (if any) equal to limits.
        for (String name : union(requests.keySet(), limits.keySet())) {
            if (!name.contains("/") || name.startsWith("kubernetes.io/") || name.startsWith("requests.")) {
                continue;
            }
            Quantity limit = limits.get(name);
            if (limit == null) {
                problem(o, where + name + " must be set as a limit");
            } else if (amount(limit) == null || amount(limit).stripTrailingZeros().scale() > 0) {
                problem(o, where + name + " must be a whole number");
            } else if (requests.containsKey(name) && amount(requests.get(name)).compareTo(amount(limit)) != 0) {
                problem(o, where + name + " request must equal its limit");
            }
        }
    }

    // --- security (the "restricted" Pod Security Standard, plus the chart's own) ------------------------------------

    private void podSecurity(HasMetadata o, PodSpec spec) {
        if (Boolean.TRUE.equals(spec.getHostNetwork()) || Boolean.TRUE.equals(spec.getHostPID()) || Boolean.TRUE.equals(spec.getHostIPC())) {
            problem(o, "uses the host's network, PID or IPC namespace");
        }
        PodSecurityContext psc = spec.getSecurityContext();
        if (psc != null && psc.getRunAsUser() != null && psc.getRunAsUser() == 0) {
            problem(o, "pod runs as user 0");
        }
    }

    private void containerSecurity(HasMetadata o, String where, PodSecurityContext pod, SecurityContext c) {
        Boolean nonRoot = c != null && c.getRunAsNonRoot() != null ? c.getRunAsNonRoot() : pod == null ? null : pod.getRunAsNonRoot();
        Long user = c != null && c.getRunAsUser() != null ? c.getRunAsUser() : pod == null ? null : pod.getRunAsUser();
        String seccomp = c != null && c.getSeccompProfile() != null ? c.getSeccompProfile().getType()
                : pod != null && pod.getSeccompProfile() != null ? pod.getSeccompProfile().getType() : null;
        if (!Boolean.TRUE.equals(nonRoot)) {
            problem(o, where + "runAsNonRoot is not true");
        }
        if (user == null || user == 0) {
            problem(o, where + "no numeric non-root runAsUser");
        }
        if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
            problem(o, where + "seccompProfile is not RuntimeDefault or Localhost");
        }
        if (c == null || !Boolean.FALSE.equals(c.getAllowPrivilegeEscalation())) {
            problem(o, where + "allowPrivilegeEscalation is not false");
        }
        if (c != null && Boolean.TRUE.equals(c.getPrivileged())) {
            problem(o, where + "privileged");
        }
        Capabilities caps = c == null ? null : c.getCapabilities();
        if (caps == null || caps.getDrop() == null || !caps.getDrop().contains("ALL")) {
            problem(o, where + "capabilities do not drop ALL");
        }
        if (caps != null && caps.getAdd() != null && caps.getAdd().stream().anyMatch(a -> !a.equals("NET_BIND_SERVICE"))) {
            problem(o, where + "adds capabilities " + caps.getAdd());
        }
    }

    // --- services and friends -----------------------------------------------------------------------------------------

    private void service(Service s) {
        Map<String, String> selector = s.getSpec().getSelector();
        List<Deployment> selected = all(Deployment.class).stream()
                .filter(d -> selector != null && subset(selector, d.getSpec().getTemplate().getMetadata().getLabels()))
                .toList();
        if (selected.isEmpty()) {
            problem(s, "selects no Deployment's pods");
        }
        for (ServicePort p : s.getSpec().getPorts() == null ? List.<ServicePort>of() : s.getSpec().getPorts()) {
            if (p.getPort() == null || p.getPort() < 1 || p.getPort() > 65535) {
                problem(s, "port " + p.getPort() + " out of range");
            }
            IntOrString target = p.getTargetPort();
            if (target != null && target.getStrVal() != null) {
                for (Deployment d : selected) {
                    boolean named = d.getSpec().getTemplate().getSpec().getContainers().stream()
                            .flatMap(c -> c.getPorts() == null ? Stream.empty() : c.getPorts().stream())
                            .anyMatch(cp -> target.getStrVal().equals(cp.getName()));
                    if (!named) {
                        problem(s, "targetPort " + target.getStrVal() + " is no container port of " + d.getMetadata().getName());
                    }
                }
            }
        }
    }

    private void podDisruptionBudget(PodDisruptionBudget pdb) {
        if ((pdb.getSpec().getMinAvailable() == null) == (pdb.getSpec().getMaxUnavailable() == null)) {
            problem(pdb, "needs exactly one of minAvailable and maxUnavailable");
        }
        if (all(Deployment.class).stream().noneMatch(d -> selects(pdb.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels()))) {
            problem(pdb, "selects no Deployment's pods");
        }
    }

    private void autoscaler(HorizontalPodAutoscaler h) {
        var target = h.getSpec().getScaleTargetRef();
        if (!"Deployment".equals(target.getKind()) || find(Deployment.class, target.getName()) == null) {
            problem(h, "scales " + target.getKind() + " " + target.getName() + ", which the chart does not render");
        }
        int min = h.getSpec().getMinReplicas() == null ? 1 : h.getSpec().getMinReplicas();
        if (h.getSpec().getMaxReplicas() == null || min < 1 || min > h.getSpec().getMaxReplicas()) {
            problem(h, "minReplicas " + min + " / maxReplicas " + h.getSpec().getMaxReplicas() + " are inconsistent");
        }
        if (h.getSpec().getMetrics() == null || h.getSpec().getMetrics().isEmpty()) {
            problem(h, "has no metrics");
        }
    }

    private void serviceMonitor(ServiceMonitor m) {
        List<Service> selected = all(Service.class).stream()
                .filter(s -> selects(m.getSpec().getSelector(), s.getMetadata().getLabels()))
                .toList();
        if (selected.isEmpty()) {
            problem(m, "selects no Service");
        }
        for (Endpoint e : m.getSpec().getEndpoints()) {
            if (!"management".equals(e.getPort())) {
                problem(m, "scrapes port " + e.getPort() + "; metrics are served on the management port only");
            }
            for (Service s : selected) {
                if (s.getSpec().getPorts().stream().noneMatch(p -> Objects.equals(p.getName(), e.getPort()))) {
                    problem(m, "endpoint port " + e.getPort() + " is not a port of Service " + s.getMetadata().getName());
                }
            }
        }
    }

    private void secretKey(HasMetadata o, String where, SecretKeySelector ref) {
        if (ref == null) {
            return;
        }
        Secret secret = find(Secret.class, ref.getName());
        if (secret == null) {
            return; // an existing Secret the operator provides
        }
        boolean has = (secret.getData() != null && secret.getData().containsKey(ref.getKey()))
                || (secret.getStringData() != null && secret.getStringData().containsKey(ref.getKey()));
        if (!has && !Boolean.TRUE.equals(ref.getOptional())) {
            problem(o, where + " reads key " + ref.getKey() + " that Secret " + ref.getName() + " does not have");
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------------------

    private void quantity(HasMetadata o, String what, Quantity q) {
        if (amount(q) == null) {
            problem(o, what + " '" + q + "' is not a Kubernetes quantity");
        }
    }

    private static final Pattern QUANTITY = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|([eE][+-]?[0-9]+))?");

    static BigDecimal amount(Quantity q) {
        String text = q.getAmount() + (q.getFormat() == null ? "" : q.getFormat());
        if (!QUANTITY.matcher(text).matches()) {
            return null;
        }
        try {
            return q.getNumericalAmount();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null || (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty())) {
            return false; // the chart uses matchLabels only
        }
        return selector.getMatchLabels() != null && !selector.getMatchLabels().isEmpty() && subset(selector.getMatchLabels(), labels);
    }

    static boolean subset(Map<String, String> wanted, Map<String, String> labels) {
        return labels != null && wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }

    private <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private <T extends HasMetadata> T find(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst().orElse(null);
    }

    private void problem(HasMetadata o, String message) {
        problems.add(o.getKind() + " " + o.getMetadata().getName() + ": " + message);
    }
}
