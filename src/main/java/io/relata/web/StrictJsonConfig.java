package io.relata.web;

import io.relata.StrictJson;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Request bodies are read strictly (see {@link StrictJson}); a body that is not is a 400 naming the field. */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfig {

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return StrictJson::configure;
    }
}
