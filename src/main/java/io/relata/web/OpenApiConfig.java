package io.relata.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description: its title page (shown by Swagger UI), the bearer scheme every /v1 operation declares, and
 * every error response of every /v1 operation as an RFC 9457 problem with the types it may carry (docs/openapi.json is
 * this description as the running service serves it; clients are generated from it).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    private static final String BEARER = "bearer";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "Problem";

    @Bean
    OpenAPI relataOpenApi() {
        return new OpenAPI().info(new Info()
                        .title("relata")
                        .version("v1")
                        .description("Answers relation questions in both directions — \"Who is Tom Cruise's mother?\" and "
                                + "\"Who is Mary Lee Pfeiffer's son?\" — with a calibrated confidence and metadata saying which "
                                + "direction was asked and how it was answered. Errors are RFC 9457 problem details."))
                // relative, so that the description is the same whatever host and port serve it
                .servers(List.of(new Server().url("/").description("the relata serving this description")))
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

    /** Every /v1 operation's error responses: per status, the problem types of {@link ProblemCatalog} with an example each. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            ResolvedSchema problem = ModelConverters.getInstance()
                    .resolveAsResolvedSchema(new AnnotatedType(ProblemDocument.class).resolveAsRef(false));
            problem.referencedSchemas.forEach(openApi.getComponents()::addSchemas);
            for (ProblemCatalog.Type type : ProblemCatalog.TYPES) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("type", Problems.TYPE_BASE + type.name());
                value.put("title", type.title());
                value.put("status", type.status());
                value.put("detail", type.example());
                value.put("instance", type.examplePath());
                openApi.getComponents().addExamples(type.name(), new Example().summary(type.title()).value(value));
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/v1/")) {
                    item.readOperations().forEach(OpenApiConfig::addProblems);
                }
            });
        };
    }

    private static void addProblems(Operation operation) {
        List<String> names = new ArrayList<>(ProblemCatalog.EVERY_OPERATION);
        names.addAll(ProblemCatalog.BY_OPERATION.getOrDefault(operation.getOperationId(), List.of()));
        Map<Integer, List<ProblemCatalog.Type>> byStatus = names.stream().distinct().map(ProblemCatalog::type)
                .collect(Collectors.groupingBy(ProblemCatalog.Type::status, TreeMap::new, Collectors.toList()));
        byStatus.forEach((status, types) -> {
            MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA));
            for (ProblemCatalog.Type type : types) {
                media.addExamples(type.name(), new Example().$ref("#/components/examples/" + type.name()));
            }
            ApiResponse response = new ApiResponse()
                    .description(types.stream().map(ProblemCatalog.Type::title).distinct().collect(Collectors.joining("; "))
                            + ". Problem types: " + types.stream().map(ProblemCatalog.Type::name).collect(Collectors.joining(", ")))
                    .content(new Content().addMediaType(PROBLEM_JSON, media));
            if (status == 503) {
                response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again")
                        .schema(new IntegerSchema()));
            }
            if (status == 401) {
                response.addHeaderObject("WWW-Authenticate", new Header().description("Bearer realm=\"relata\"")
                        .schema(new StringSchema()));
            }
            operation.getResponses().addApiResponse(Integer.toString(status), response);
        });
    }
}
