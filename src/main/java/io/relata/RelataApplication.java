package io.relata;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts the relata service. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RelataApplication {

    public static void main(String[] args) {
        SpringApplication.run(RelataApplication.class, args);
    }
}
