package io.relata.web;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import io.relata.RelataProperties;
import io.relata.ops.Readiness;
import io.relata.ops.SecurityConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a web slice needs besides the controller: relata's settings (slices do not scan configuration properties), the
 * real security chain with its problem responses (so slices run behind the same firewall and rules as the service;
 * access control is off unless a slice sets relata.security.enabled) and a service that is ready (RequestGuardTest
 * replaces it to test the other states).
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(RelataProperties.class)
@Import({SecurityConfig.class, SecurityProblems.class})
class WebSliceConfig {

    @Bean
    Readiness readiness() {
        Readiness ready = mock(Readiness.class);
        given(ready.started()).willReturn(true);
        given(ready.modelReady()).willReturn(true);
        return ready;
    }
}
