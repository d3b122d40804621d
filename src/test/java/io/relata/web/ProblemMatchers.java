package io.relata.web;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

/** Asserts the shape every relata error shares: RFC 9457 problem+json with a relata type, the status and the path. */
final class ProblemMatchers {

    private ProblemMatchers() {}

    /** A problem of this status and type (the part after https://relata.io/problems/) about this request path. */
    static ResultMatcher problem(int status, String type, String path) {
        return all(
                status().is(status),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value(startsWith("https://relata.io/problems/")),
                jsonPath("$.type").value("https://relata.io/problems/" + type),
                jsonPath("$.status").value(status),
                jsonPath("$.instance").value(path),
                jsonPath("$.trace").doesNotExist(),
                jsonPath("$.exception").doesNotExist());
    }

    /** A 503 problem that tells the client when to retry. */
    static ResultMatcher unavailable(String type, String path) {
        return all(problem(503, type, path), header().string("Retry-After", "1"));
    }

    private static ResultMatcher all(ResultMatcher... matchers) {
        return result -> {
            for (ResultMatcher matcher : matchers) {
                matcher.match(result);
            }
        };
    }
}
