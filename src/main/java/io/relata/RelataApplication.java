package io.relata;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The relata service's Spring Boot application; {@code io.relata.cli.Main} starts it (relata serve). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RelataApplication {}
