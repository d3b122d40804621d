package io.relata.web;

import io.relata.RelataProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;

/** What a web slice needs besides the controller: relata's settings (slices do not scan configuration properties). */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(RelataProperties.class)
class WebSliceConfig {}
