package io.relata.ops;

import io.relata.RelataProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Access control of the service, by Spring Security. Every request first passes Spring Security's StrictHttpFirewall,
 * which refuses URLs that do not say plainly what they address (path parameters, encoded slashes, dots or percent
 * signs, double slashes, dot segments, backslashes, control characters). Then, with {@code relata.security.enabled},
 * the rules below decide on the path as Spring MVC routes it (decoded and normalised, by PathPatternRequestMatcher):
 * public are only the health endpoint (status for everyone, details for callers who may read) and the API
 * documentation; questions (GET, and POST /v1/queries and /v1/queries/batch) and every other GET, HEAD or OPTIONS need
 * read access; everything else, anywhere, needs write access. With a separate management port
 * ({@code management.server.port}), the actuator endpoints are open on that port only, for probes and Prometheus.
 * Callers present an API key or a JWT as a bearer token (see {@link BearerAuthentication}); refusals are RFC 9457
 * problems written by the web layer's AuthenticationEntryPoint and AccessDeniedHandler.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfig {

    private static final String[] API_DOCUMENTATION = {
            "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**"};
    /** Questions, and the model tier's inference (the Open Inference Protocol, relata.role=model), need read access. */
    private static final String[] QUESTIONS = {"/v1/queries", "/v1/queries/batch", "/v2/models/*/infer",
            "/v2/models/*/versions/*/infer"};
    /** The model tier's Open Inference Protocol probes, open like the actuator's health. */
    private static final String OIP_HEALTH = "/v2/health/**";

    /**
     * Spring Security's strict firewall, which runs before any other decision, with its defaults for URLs, methods and
     * headers. Parameter values pass: they are relata's input, checked by the controllers with a 400 that names the
     * field.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedParameterValues(value -> true);
        return firewall;
    }

    /**
     * Tomcat passes encoded slashes and backslashes (%2F, %5C) through instead of refusing them itself, so that the
     * firewall refuses them with the same problem response as every other URL it does not accept.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
        return connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        };
    }

    @Bean
    BearerAuthentication bearerAuthentication(RelataProperties properties, ObjectProvider<JwtDecoder> decoder,
            ObjectProvider<JwtAuthenticationConverter> authorities) {
        JwtAuthenticationProvider jwts = null;
        JwtDecoder jwtDecoder = decoder.getIfAvailable();
        if (jwtDecoder != null) {
            jwts = new JwtAuthenticationProvider(jwtDecoder);
            jwts.setJwtAuthenticationConverter(
                    new JwtGrants(authorities.getIfAvailable(JwtAuthenticationConverter::new), properties.security().jwt()));
        }
        return new BearerAuthentication(new ApiKeys(properties.security()), jwts);
    }

    @Bean
    SecurityFilterChain relataSecurity(HttpSecurity http, RelataProperties properties, BearerAuthentication bearer,
            AuthenticationEntryPoint refusals, AccessDeniedHandler denials, Environment environment) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        if (!properties.security().enabled()) {
            return http.authorizeHttpRequests(rules -> rules.anyRequest().permitAll()).build();
        }
        if (!bearer.admitsAnyone()) {
            throw new IllegalStateException("relata.security.enabled is set but neither API keys (relata.security.read-keys, "
                    + "write-keys) nor a JWT issuer (spring.security.oauth2.resourceserver.jwt.*) are configured");
        }
        boolean separateManagementPort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
        String read = Access.READ.role();
        String write = Access.WRITE.role();
        return http
                .oauth2ResourceServer(server -> server
                        .authenticationManagerResolver(request -> bearer)
                        .authenticationEntryPoint(refusals)
                        .accessDeniedHandler(denials))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(refusals).accessDeniedHandler(denials))
                .authorizeHttpRequests(rules -> {
                    // the error page of a request that was already admitted (or refused) by the rules below
                    rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    rules.requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll();
                    rules.requestMatchers(HttpMethod.GET, API_DOCUMENTATION).permitAll();
                    rules.requestMatchers(HttpMethod.GET, OIP_HEALTH).permitAll();
                    if (separateManagementPort) {
                        // matches on the management server only: its port is not the API's
                        rules.requestMatchers(EndpointRequest.toAnyEndpoint()).permitAll();
                    }
                    rules.requestMatchers(HttpMethod.POST, QUESTIONS).hasRole(read);
                    rules.requestMatchers(HttpMethod.GET).hasRole(read);
                    rules.requestMatchers(HttpMethod.HEAD).hasRole(read);
                    rules.requestMatchers(HttpMethod.OPTIONS).hasRole(read);
                    rules.anyRequest().hasRole(write);
                })
                .build();
    }
}
