package io.relata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Keeps docs/configuration.md in step with the relata.* properties the code binds. */
class ConfigurationReferenceTest {

    @Test
    void everyBoundPropertyIsDocumented() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = JsonMapper.builder().build().readTree(in);
        }
        String reference = Files.readString(Path.of("docs/configuration.md"));

        List<JsonNode> properties = metadata.get("properties").valueStream().toList();
        assertThat(properties).isNotEmpty();
        for (JsonNode property : properties) {
            String name = property.get("name").asString();
            assertThat(reference)
                    .as("docs/configuration.md lists %s (regenerate with scripts/config-reference.py)", name)
                    .contains("| `" + name + "` |");
        }
    }
}
