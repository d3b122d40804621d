package io.relata.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's title page, shown by Swagger UI. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI relataOpenApi() {
        return new OpenAPI().info(new Info()
                .title("relata")
                .version("v1")
                .description("Answers relation questions in both directions — \"Who is Tom Cruise's mother?\" and "
                        + "\"Who is Mary Lee Pfeiffer's son?\" — with a calibrated confidence and metadata saying which "
                        + "direction was asked and how it was answered. Errors are RFC 9457 problem details."));
    }
}
