package io.relata.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void metricNamesLeaveOutFunctionsLabelsRangesAndKeywords() {
        assertThat(PromQl.metricNames("histogram_quantile(0.95, sum by (le, direction) (rate("
                + "relata_queries_seconds_bucket{namespace=~\"$namespace\", pod=~\"$pod\"}[$__rate_interval])))"))
                .containsExactly("relata_queries_seconds_bucket");
        assertThat(PromQl.metricNames("sum(increase(a_total{outcome=\"failed\"}[6h])) > 0 unless sum(increase(b_total[6h])) > 0"))
                .containsExactly("a_total", "b_total");
        assertThat(PromQl.metricNames("(sum(up{job=\"x\"}) or vector(0)) == 0")).containsExactly("up");
        assertThat(PromQl.metricNames("max by (pod) (relata_model_entities) == 0 and on (pod) x_info > 1e3"))
                .containsExactly("relata_model_entities", "x_info");
    }

    @Test
    void ruleTemplateExpressionsComeWithoutTheTemplateActions() {
        String template = """
                {{- if .Values.enabled }}
                spec:
                  groups:
                    - rules:
                        - alert: A
                          expr: |
                            sum(rate(http_server_requests_seconds_count{ {{- $api }}, status=~"5.."}[5m]))
                              / sum(rate(http_server_requests_seconds_count{ {{- $api }}}[5m])) > {{ $r.ratio }}
                          for: 10m
                        - alert: B
                          expr: relata_model_entities{job="x"} == 0
                {{- end }}
                """;

        assertThat(PromQl.expressionsOfRuleTemplate(template)).hasSize(2)
                .allSatisfy(e -> assertThat(e).doesNotContain("{{"));
        assertThat(PromQl.metricNames(PromQl.expressionsOfRuleTemplate(template).get(0)))
                .containsExactly("http_server_requests_seconds_count");
        assertThat(PromQl.metricNames(PromQl.expressionsOfRuleTemplate(template).get(1)))
                .containsExactly("relata_model_entities");
    }
}
