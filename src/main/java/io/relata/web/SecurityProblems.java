package io.relata.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Security's refusals as RFC 9457 problems: 400 rejected-request for a URL the firewall refuses, 401
 * unauthorized (with {@code WWW-Authenticate: Bearer}) without a valid bearer token, 403 forbidden for a caller who may
 * not do this (a read key writing).
 */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final String REALM = "Bearer realm=\"relata\"";

    private final JsonMapper json;

    SecurityProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
            throws IOException {
        String detail;
        if (refusal instanceof OAuth2AuthenticationException oauth) {
            // RFC 6750: invalid_token for a token that is not accepted, invalid_request for a malformed header
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"" + oauth.getError().getErrorCode() + "\"");
            detail = "invalid_request".equals(oauth.getError().getErrorCode())
                    ? "the Authorization header is not of the form: Bearer <API key or JWT>"
                    : "the bearer token is not valid: not a configured API key, or a JWT that is expired, not yet valid "
                            + "or not signed by the configured issuer";
        } else {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
            detail = "this API needs a bearer token: Authorization: Bearer <API key or JWT>";
        }
        Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail,
                Problems.pathOf(request)), json);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        // an authenticated caller holds read (and may be denied a write) or, a JWT without relata's scopes, nothing
        String detail = caller != null && !caller.getAuthorities().isEmpty()
                ? "this API key or token may read but not write"
                : "this token grants neither read nor write access to relata";
        Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail,
                Problems.pathOf(request)), json);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        Problems.write(response, Problems.describe(rejected, Problems.pathOf(request)), json);
    }
}
