package io.relata.web;

import io.relata.RelataProperties;
import io.relata.TooLargeException;
import io.relata.ops.Readiness;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards the API before any controller runs: 503 on /v1 until relata is ready, and 413 for a body over
 * {@code relata.query.max-body-bytes} on every path but the import (which streams). Paths are matched as Spring MVC
 * routes them (decoded, path parameters dropped, by PathPatternRequestMatcher), so no spelling of a path escapes the
 * guard that the controller behind it would answer.
 */
@Component
@Order(2)
class RequestGuard extends OncePerRequestFilter {

    private static final RequestMatcher API = PathPatternRequestMatcher.pathPattern("/v1/**");
    private static final RequestMatcher QUESTIONS = new OrRequestMatcher(
            PathPatternRequestMatcher.pathPattern("/v1/queries"), PathPatternRequestMatcher.pathPattern("/v1/queries/**"));
    private static final RequestMatcher IMPORT = PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/v1/facts/import");

    private final Readiness readiness;
    private final long maxBodyBytes;
    private final JsonMapper json;

    RequestGuard(Readiness readiness, RelataProperties properties, JsonMapper json) {
        this.readiness = readiness;
        this.maxBodyBytes = properties.query().maxBodyBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = Problems.pathOf(request);
        boolean api = API.matches(request);
        if (api && !readiness.started()) {
            reject(response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "not-ready", "Not ready",
                    "relata is starting; retry shortly", path));
            return;
        }
        if (api && QUESTIONS.matches(request) && !readiness.modelReady()) {
            reject(response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "not-ready", "Not ready",
                    "no model is loaded yet and relata.model.required is set; retry shortly", path));
            return;
        }
        if (IMPORT.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            reject(response, Problems.describe(tooLarge(maxBodyBytes), path));
            return;
        }
        chain.doFilter(new LimitedBodyRequest(request, maxBodyBytes), response);
    }

    private static TooLargeException tooLarge(long limit) {
        return new TooLargeException("the request body is larger than " + limit + " bytes");
    }

    private void reject(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Problems.write(response, problem, json);
    }

    /** A request whose body stream fails with TooLargeException once it passes the limit (chunked bodies too). */
    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedBodyRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    /** Refuses a body once more than {@code limit} bytes of it have been read. */
    private static final class LimitedStream extends CheckedBodyStream {

        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        protected void check(byte[] buffer, int offset, int length) {
            read += length;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
