package io.relata;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code relata.home} an absolute path before anything reads it, so that RELATA_HOME=data works as well as
 * ./data or /var/lib/relata (H2 refuses file paths that are implicitly relative).
 */
public class HomeFolder implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String home = environment.getProperty("relata.home");
        if (home != null && !home.isBlank()) {
            String absolute = Path.of(home).toAbsolutePath().normalize().toString();
            environment.getPropertySources().addFirst(new MapPropertySource("relataHome", Map.of("relata.home", absolute)));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
