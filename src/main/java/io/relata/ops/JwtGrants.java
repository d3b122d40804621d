package io.relata.ops;

import io.relata.RelataProperties;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads a validated JWT as a caller of relata: its authorities (scopes as SCOPE_x, or the claim Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.authorities-claim-name} names) grant write when one is in
 * {@code relata.security.jwt.write-authorities}, read when one is in {@code read-authorities}, else nothing.
 */
final class JwtGrants implements Converter<Jwt, AbstractAuthenticationToken> {

    private final Converter<Jwt, AbstractAuthenticationToken> authorities;
    private final Set<String> read;
    private final Set<String> write;

    JwtGrants(Converter<Jwt, AbstractAuthenticationToken> authorities, RelataProperties.JwtGrants grants) {
        this.authorities = authorities;
        this.read = Set.copyOf(grants.readAuthorities());
        this.write = Set.copyOf(grants.writeAuthorities());
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        AbstractAuthenticationToken token = authorities.convert(jwt);
        Set<String> held = names(token == null ? Set.of() : token.getAuthorities());
        boolean mayWrite = held.stream().anyMatch(write::contains);
        boolean mayRead = mayWrite || held.stream().anyMatch(read::contains);
        String name = token == null ? jwt.getSubject() : token.getName();
        return mayRead
                ? new JwtAuthenticationToken(jwt, Access.granted(mayWrite), name)
                : new JwtAuthenticationToken(jwt, Set.of(), name);
    }

    private static Set<String> names(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }
}
