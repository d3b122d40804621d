package io.relata.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The actuator on its own port, as the Helm chart deploys it: probes and Prometheus there without a key, health
 * details still only for a key, and nothing of the actuator on the API port, where access control stays as it is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0", "relata.security.enabled=true", "relata.security.read-keys=mgmt-read-key",
        "relata.security.write-keys=mgmt-write-key", "relata.demo.enabled=false", "relata.model.train-on-first-start=false"})
@DirtiesContext
class ManagementPortTest {

    private static final Map<String, String> READ_KEY = Map.of("Authorization", "Bearer mgmt-read-key");

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("relata.home", () -> home.toString());
    }

    @LocalServerPort
    int apiPort;

    @LocalManagementPort
    int managementPort;

    @Test
    void probesAndPrometheusAnswerOnTheManagementPortWithoutAKey() throws Exception {
        RawHttp management = new RawHttp(managementPort);

        assertThat(management.send("GET", "/actuator/health/readiness", Map.of(), null).text()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(management.send("GET", "/actuator/health/liveness", Map.of(), null).text()).isEqualTo("{\"status\":\"UP\"}");
        RawHttp.Response prometheus = management.send("GET", "/actuator/prometheus", Map.of(), null);
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.text()).contains("jvm_memory_used_bytes");
    }

    @Test
    void healthDetailsOnTheManagementPortStillNeedAKey() throws Exception {
        RawHttp management = new RawHttp(managementPort);

        assertThat(management.send("GET", "/actuator/health", Map.of(), null).text()).doesNotContain("components");
        assertThat(management.send("GET", "/actuator/health", READ_KEY, null).text()).contains("\"components\"");
    }

    @Test
    void theManagementPortServesNothingButTheActuator() throws Exception {
        RawHttp.Response api = new RawHttp(managementPort).send("GET", "/v1/lexicon", Map.of(), null);

        assertThat(api.status()).isEqualTo(401);
    }

    @Test
    void theApiPortServesNoActuatorEndpointButNeedsAKeyAsBefore() throws Exception {
        RawHttp api = new RawHttp(apiPort);

        assertThat(api.send("GET", "/actuator/prometheus", Map.of(), null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/actuator/prometheus", READ_KEY, null).status()).isEqualTo(404);
        assertThat(api.send("GET", "/v1/lexicon", Map.of(), null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/v1/lexicon", READ_KEY, null).status()).isEqualTo(200);
    }
}
