package io.relata.ops;

import io.relata.RelataProperties;
import io.relata.model.ModelStatus;
import io.relata.model.RelationModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says in one line, once relata is ready, where it listens, its store, its home, the model that answers and the device. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final Environment environment;
    private final RelataProperties properties;
    private final RelationModel model;

    StartupReport(Environment environment, RelataProperties properties, RelationModel model) {
        this.environment = environment;
        this.properties = properties;
        this.model = model;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        log.info(line());
    }

    String line() {
        ModelStatus status = model.status();
        String modelPart = switch (status.state()) {
            case LOADED -> "model " + status.version() + " (" + status.tier() + ")";
            case NONE -> "no model yet";
            case UNAVAILABLE -> "model tier unavailable";
        };
        return "relata ready: " + listening() + "; store " + JdbcUrls.withoutCredentials(environment.getProperty("spring.datasource.url"))
                + "; home " + properties.home() + "; " + modelPart + "; device " + (status.device() == null ? "unknown" : status.device());
    }

    private String listening() {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            return "no HTTP server";
        }
        String management = environment.getProperty("local.management.port");
        return "listening on port " + port + (management == null || management.equals(port) ? "" : " (actuator on " + management + ")");
    }
}
