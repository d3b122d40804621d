package io.relata.cli;

import io.relata.RelataApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service's Spring context without its web server, for the commands that work on the configured store: it logs
 * to stderr (stdout carries only the command's JSON result) and neither loads the demo families nor starts a
 * first-start training of its own.
 */
final class ToolContext {

    private ToolContext() {}

    static ConfigurableApplicationContext start(List<String> settings, String device) {
        List<String> arguments = new ArrayList<>(settings);
        if (device != null) {
            arguments.add("--relata.model.device=" + device);
        }
        return new SpringApplicationBuilder(RelataApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .bannerMode(Banner.Mode.OFF)
                .properties("relata.model.train-on-first-start=false", "relata.demo.enabled=false",
                        "logging.config=classpath:io/relata/cli/logback-evaluate.xml")
                .run(arguments.toArray(String[]::new));
    }
}
