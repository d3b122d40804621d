package io.relata.ops;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Decides who a bearer token belongs to: a token that parses as a JWT goes to the JWT decoder (when an issuer is
 * configured; {@code jwts} is null otherwise), any other to the API keys. Either way the result carries relata's read
 * or write role, or the request is refused.
 */
final class BearerAuthentication implements AuthenticationManager {

    private final ApiKeys keys;
    private final JwtAuthenticationProvider jwts;

    BearerAuthentication(ApiKeys keys, JwtAuthenticationProvider jwts) {
        this.keys = keys;
        this.jwts = jwts;
    }

    /** Whether any caller can be admitted: at least one API key, or a JWT issuer. */
    boolean admitsAnyone() {
        return !keys.isEmpty() || jwts != null;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            throw new ProviderNotFoundException("only bearer tokens are accepted");
        }
        String token = bearer.getToken();
        if (jwts != null && isJwt(token)) {
            return jwts.authenticate(bearer);
        }
        return keys.authenticate(token);
    }

    private static boolean isJwt(String token) {
        try {
            JWTParser.parse(token);
            return true;
        } catch (ParseException e) {
            return false;
        }
    }
}
