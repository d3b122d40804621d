package io.relata.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's title page, shown by Swagger UI, and the bearer scheme every /v1 operation declares. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    private static final String BEARER = "bearer";

    @Bean
    OpenAPI relataOpenApi() {
        return new OpenAPI().info(new Info()
                        .title("relata")
                        .version("v1")
                        .description("Answers relation questions in both directions — \"Who is Tom Cruise's mother?\" and "
                                + "\"Who is Mary Lee Pfeiffer's son?\" — with a calibrated confidence and metadata saying which "
                                + "direction was asked and how it was answered. Errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An API key (relata.security.read-keys may ask and list, write-keys may also "
                                + "change) or a JWT from the configured issuer with the read or write scope. Required "
                                + "when relata.security.enabled; without it 401, with read access on a write 403.")));
    }

    /** Every /v1 operation needs the bearer token (springdoc adds the paths after the OpenAPI bean is made). */
    @Bean
    OpenApiCustomizer bearerOnEveryApiOperation() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/v1/")) {
                item.readOperations().forEach(operation -> operation.addSecurityItem(new SecurityRequirement().addList(BEARER)));
            }
        });
    }
}
