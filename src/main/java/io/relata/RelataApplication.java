package io.relata;

import io.relata.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts the relata service. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RelataApplication {

    /** Runs a command of the tool when the first argument names one (train, evaluate, import), else the service. */
    public static void main(String[] args) {
        if (Cli.handles(args)) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        SpringApplication.run(RelataApplication.class, args);
    }
}
