package io.relata.web;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import io.relata.RelataProperties;
import io.relata.ops.Readiness;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What a web slice needs besides the controller: relata's settings (slices do not scan configuration properties) and a
 * service that is ready (RequestGuardTest replaces it to test the other states).
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(RelataProperties.class)
class WebSliceConfig {

    @Bean
    Readiness readiness() {
        Readiness ready = mock(Readiness.class);
        given(ready.started()).willReturn(true);
        given(ready.modelReady()).willReturn(true);
        return ready;
    }
}
