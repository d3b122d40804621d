package io.relata.web;

import io.relata.RelataProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer API keys on the /v1 API when {@code relata.security.enabled}: reads (GET, and questions by POST) need a read or
 * a write key, everything else a write key. Without the right key: 401 or 403 problem, and nothing is changed. Keys are
 * compared in constant time and never logged.
 */
@Component
@Order(1)
class ApiKeyGuard extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final boolean enabled;
    private final List<byte[]> readKeys;
    private final List<byte[]> writeKeys;
    private final JsonMapper json;

    ApiKeyGuard(RelataProperties properties, JsonMapper json) {
        RelataProperties.Security security = properties.security();
        this.enabled = security.enabled();
        this.readKeys = bytes(security.readKeys());
        this.writeKeys = bytes(security.writeKeys());
        this.json = json;
        if (enabled && readKeys.isEmpty() && writeKeys.isEmpty()) {
            throw new IllegalStateException("relata.security.enabled is set but no relata.security.read-keys or write-keys are configured");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled || !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        byte[] key = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8)
                : null;
        boolean mayWrite = key != null && matches(writeKeys, key);
        boolean mayRead = mayWrite || key != null && matches(readKeys, key);
        if (!mayRead) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"relata\"");
            Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    key == null ? "this API needs an API key: Authorization: Bearer <key>" : "the API key is not valid", path), json);
            return;
        }
        if (!mayWrite && !isRead(request)) {
            Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "this API key may read but not write", path), json);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Questions are reads whatever their method; otherwise only GET, HEAD and OPTIONS read. */
    private static boolean isRead(HttpServletRequest request) {
        String method = request.getMethod();
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                || request.getRequestURI().startsWith("/v1/queries");
    }

    private static boolean matches(List<byte[]> keys, byte[] candidate) {
        boolean found = false;
        for (byte[] key : keys) {
            found |= MessageDigest.isEqual(key, candidate);
        }
        return found;
    }

    private static List<byte[]> bytes(List<String> keys) {
        return keys.stream().map(String::strip).filter(k -> !k.isEmpty()).map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }
}
