package io.relata.facts;

import io.relata.RelataProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Loads the demo families into a store that holds no facts, so a new user's first questions have answers. */
@Component
@Order(1)
class DemoData implements ApplicationRunner {

    static final String FAMILIES = "demo/families.tsv";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final FactIngestor ingestor;
    private final FactGraph facts;
    private final boolean enabled;

    DemoData(FactIngestor ingestor, FactGraph facts, RelataProperties properties) {
        this.ingestor = ingestor;
        this.facts = facts;
        this.enabled = properties.demo().enabled();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || facts.factCount() > 0) {
            return;
        }
        try (InputStream in = new ClassPathResource(FAMILIES).getInputStream()) {
            ImportSummary summary = ingestor.importFile(in, FactFormat.TSV, "demo");
            log.info("Loaded the demo families: {} facts added ({} lines rejected); set relata.demo.enabled=false to start empty",
                    summary.added(), summary.rejectedTotal());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
