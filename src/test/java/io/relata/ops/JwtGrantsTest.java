package io.relata.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.RelataProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/** How a JWT's scopes or roles become relata's read and write access. */
class JwtGrantsTest {

    private static final RelataProperties.JwtGrants DEFAULTS =
            new RelataProperties.JwtGrants(List.of("SCOPE_relata.read"), List.of("SCOPE_relata.write"));

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("svc").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).claims(c -> c.putAll(claims)).build();
    }

    private static List<String> roles(AbstractAuthenticationToken token) {
        return token.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void theReadScopeGrantsRead() {
        AbstractAuthenticationToken token = new JwtGrants(new JwtAuthenticationConverter(), DEFAULTS)
                .convert(jwt(Map.of("scope", "openid relata.read")));

        assertThat(roles(token)).containsExactly("ROLE_RELATA_READ");
        assertThat(token.getName()).isEqualTo("svc");
    }

    @Test
    void theWriteScopeGrantsReadAndWrite() {
        AbstractAuthenticationToken token = new JwtGrants(new JwtAuthenticationConverter(), DEFAULTS)
                .convert(jwt(Map.of("scp", List.of("relata.write"))));

        assertThat(roles(token)).containsExactlyInAnyOrder("ROLE_RELATA_READ", "ROLE_RELATA_WRITE");
    }

    @Test
    void otherScopesGrantNothingNotEvenTheirOwnAuthorities() {
        AbstractAuthenticationToken token = new JwtGrants(new JwtAuthenticationConverter(), DEFAULTS)
                .convert(jwt(Map.of("scope", "profile ROLE_RELATA_WRITE")));

        assertThat(roles(token)).isEmpty();
    }

    @Test
    void rolesFromAnotherClaimMapThroughTheConfiguredAuthorities() {
        JwtGrantedAuthoritiesConverter fromRoles = new JwtGrantedAuthoritiesConverter();
        fromRoles.setAuthoritiesClaimName("roles");
        fromRoles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(fromRoles);
        RelataProperties.JwtGrants grants = new RelataProperties.JwtGrants(List.of("ROLE_relata-reader"), List.of("ROLE_relata-admin"));

        assertThat(roles(new JwtGrants(converter, grants).convert(jwt(Map.of("roles", List.of("relata-admin"))))))
                .containsExactlyInAnyOrder("ROLE_RELATA_READ", "ROLE_RELATA_WRITE");
        assertThat(roles(new JwtGrants(converter, grants).convert(jwt(Map.of("roles", List.of("relata-reader"))))))
                .containsExactly("ROLE_RELATA_READ");
        assertThat(roles(new JwtGrants(converter, grants).convert(jwt(Map.of("scope", "relata.write"))))).isEmpty();
    }
}
