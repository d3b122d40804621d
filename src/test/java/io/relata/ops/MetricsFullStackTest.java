package io.relata.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.RunningRelata;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metrics operators see: every metric the Grafana dashboard and the PrometheusRule (when the chart has one) query
 * is in a real scrape of /actuator/prometheus, every relata metric says what it measures, latency comes as histogram
 * buckets.
 */
class MetricsFullStackTest extends RunningRelata {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path CHART = Path.of("helm", "relata");
    private static final Path DASHBOARD = CHART.resolve("dashboards/relata.json");
    private static final Path ALERTS = CHART.resolve("templates/prometheusrule.yaml");
    /**
     * Metrics relata does not emit, which the dashboard shows beside its own: Prometheus's scrape health and
     * Kubernetes's view of the container (cAdvisor, kube-state-metrics).
     */
    private static final Set<String> FROM_ELSEWHERE_PREFIXES = Set.of("up", "container_", "kube_");
    /** Metrics of the split tiers, emitted only by a process with relata.role=api or model (this one runs all). */
    private static final Set<String> OTHER_ROLE_PREFIXES = Set.of("relata_tier_");

    private static volatile boolean trained;

    /** A question in both directions, a fact and a small training job, so that every meter has recorded something. */
    @BeforeEach
    void exercise() throws Exception {
        if (trained) {
            return;
        }
        assertThat(get("/v1/queries?q=Who%20is%20Tom%20Cruise%27s%20mother%3F").statusCode()).isEqualTo(200);
        assertThat(get("/v1/queries?q=Who%20is%20Mary%20Lee%20Pfeiffer%27s%20son%3F").statusCode()).isEqualTo(200);
        HttpResponse<String> job = postJson("/v1/training-jobs", "{\"rank\":16,\"epochs\":10,\"validateEvery\":5}");
        assertThat(job.statusCode()).as(job.body()).isEqualTo(202);
        String id = JSON.readTree(job.body()).path("id").asString();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        String status = "queued";
        while (!status.equals("succeeded") && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            JsonNode state = JSON.readTree(get("/v1/training-jobs/" + id).body());
            status = state.path("status").asString();
            assertThat(status).as(state.toString()).isNotIn("failed", "cancelled");
        }
        assertThat(status).isEqualTo("succeeded");
        trained = true;
    }

    @Test
    void everyMetricTheDashboardQueriesIsEmitted() throws Exception {
        JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
        List<String> expressions = new ArrayList<>();
        dashboard.findValues("expr").forEach(expr -> expressions.add(expr.asString()));
        assertThat(expressions).hasSizeGreaterThan(10);

        assertEmitted(expressions, DASHBOARD);
    }

    @Test
    void everyMetricTheAlertsQueryIsEmitted() throws Exception {
        if (!Files.exists(ALERTS)) {
            return; // the chart has no PrometheusRule template
        }
        List<String> expressions = PromQl.expressionsOfRuleTemplate(Files.readString(ALERTS, StandardCharsets.UTF_8));
        assertThat(expressions).isNotEmpty();

        assertEmitted(expressions, ALERTS);
    }

    @Test
    void theDashboardHasTrainingPanels() throws Exception {
        String dashboard = Files.readString(DASHBOARD, StandardCharsets.UTF_8);
        assertThat(dashboard).contains("relata_training_jobs_total").contains("relata_training_progress_ratio")
                .contains("relata_training_duration_seconds").contains("relata_training_last_mrr");
    }

    @Test
    void everyRelataMetricHasHelpText() throws Exception {
        String scrape = scrape();
        Set<String> families = new TreeSet<>();
        Matcher type = Pattern.compile("(?m)^# TYPE (relata_\\w+) ").matcher(scrape);
        while (type.find()) {
            families.add(type.group(1));
        }
        assertThat(families).contains("relata_queries_seconds", "relata_training_progress_ratio",
                "relata_answers_confidence_ratio", "relata_facts_ingested_total", "relata_training_jobs_total");
        for (String family : families) {
            assertThat(scrape).as("help text of " + family).containsPattern("(?m)^# HELP " + family + " \\S+");
        }
    }

    @Test
    void latencyIsPublishedAsHistogramBuckets() throws Exception {
        String scrape = scrape();
        assertThat(scrape).containsPattern("relata_queries_seconds_bucket\\{[^}]*direction=\"inverse\"[^}]*le=\"0\\.1\"")
                .containsPattern("relata_queries_seconds_bucket\\{[^}]*le=\"\\+Inf\"")
                .containsPattern("relata_model_scoring_wait_seconds_bucket\\{")
                .containsPattern("relata_training_duration_seconds_bucket\\{[^}]*le=\"3600\\.0\"");
        assertThat(scrape).containsPattern("(?m)^process_resident_memory_bytes\\{[^}]*} [1-9]");
    }

    private void assertEmitted(List<String> expressions, Path source) throws Exception {
        String scrape = scrape();
        Set<String> missing = new TreeSet<>();
        for (String expression : expressions) {
            for (String metric : PromQl.metricNames(expression)) {
                if (FROM_ELSEWHERE_PREFIXES.stream().anyMatch(p -> metric.equals(p) || p.endsWith("_") && metric.startsWith(p))
                        || OTHER_ROLE_PREFIXES.stream().anyMatch(metric::startsWith)) {
                    continue;
                }
                if (!Pattern.compile("(?m)^" + Pattern.quote(metric) + "[{ ]").matcher(scrape).find()) {
                    missing.add(metric);
                }
            }
        }
        assertThat(missing).as("metrics " + source + " queries that /actuator/prometheus does not emit").isEmpty();
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
