package io.relata.web;

import io.relata.InvalidInputException;
import io.relata.TooLargeException;
import io.relata.facts.ImportFailedException;
import io.relata.imports.UnknownImportProfileException;
import io.relata.lexicon.LexiconConflictException;
import io.relata.lexicon.UnknownLexiconEntryException;
import io.relata.model.DamagedModelException;
import io.relata.model.ModelBusyException;
import io.relata.model.ModelUnavailableException;
import io.relata.model.UnknownModelException;
import io.relata.ops.LogSafe;
import io.relata.query.OverloadedException;
import io.relata.query.QuestionNotUnderstoodException;
import io.relata.query.QuestionTimeoutException;
import io.relata.query.QuestionTooBroadException;
import io.relata.query.UnknownEntityException;
import io.relata.training.TrainingJobFinishedException;
import io.relata.training.UnknownTrainingJobException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/** Turns every failure into an RFC 9457 problem with a stable type; also used per item by the batch endpoint. */
final class Problems {

    static final String TYPE_BASE = "https://relata.io/problems/";
    /**
     * The request attribute holding the problem relata answered with: the container's error dispatch, which follows
     * when reading the body failed, answers the same problem instead of describing the raw read failure again.
     */
    static final String ANSWERED = Problems.class.getName() + ".answered";

    static final String RETRY_AFTER_SECONDS = "1";
    static final String INVALID_REQUEST = "Invalid request";

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    static ProblemDetail of(HttpStatus status, String type, String title, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        problem.setInstance(instance(path));
        return problem;
    }

    /** The request's path as received, for a problem's instance; a path that is no valid URI is percent-encoded. */
    static String pathOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        try {
            URI.create(path);
            return path;
        } catch (IllegalArgumentException e) {
            return UriUtils.encodePath(path, StandardCharsets.UTF_8);
        }
    }

    /**
     * Whether reading the request body failed: the connection closed before the Content-Length was read, a chunk was
     * malformed, or the client stopped sending (Tomcat's ClientAbortException wraps these). The client's doing, not a
     * failure of relata's: a 400, logged in one line.
     */
    static boolean bodyBrokeOff(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.EOFException || cause instanceof org.apache.catalina.connector.ClientAbortException
                    || cause instanceof org.apache.coyote.BadRequestException || cause instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The problem for a bare status, such as one the servlet container answers before relata sees the request. */
    static ProblemDetail ofStatus(int status, String detail, String path) {
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus resolved = known != null ? known : HttpStatus.INTERNAL_SERVER_ERROR;
        return of(resolved, typeOf(resolved.value()),
                resolved == HttpStatus.BAD_REQUEST ? INVALID_REQUEST : resolved.getReasonPhrase(), detail, path);
    }

    /** The stable type of a problem known only by its status. */
    static String typeOf(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            case 500 -> "internal";
            case 503 -> "unavailable";
            case 505 -> "http-version-not-supported";
            default -> "http-" + status;
        };
    }

    /** The request path as a URI; a path that is not one (a malformed request) is percent-encoded first. */
    static URI instance(String path) {
        if (path == null || path.isEmpty()) {
            return URI.create("/");
        }
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return URI.create(UriUtils.encodePath(path, StandardCharsets.UTF_8));
        }
    }

    /** Writes a problem as the whole response, for filters that answer before any controller runs. */
    static void write(HttpServletResponse response, ProblemDetail problem, JsonMapper json) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The problem for an exception relata raises itself; anything else is a 500 that says nothing about internals. */
    static ProblemDetail describe(Exception e, String path) {
        if (e instanceof InvalidInputException) {
            return of(HttpStatus.BAD_REQUEST, "invalid-request", INVALID_REQUEST, e.getMessage(), path);
        }
        if (e instanceof InvalidParameterException) {
            return of(HttpStatus.BAD_REQUEST, "invalid-request", INVALID_REQUEST,
                    "the query string is not valid: every %-escape must be two hex digits and decode to UTF-8", path);
        }
        if (e instanceof UnknownLexiconEntryException u) {
            return of(HttpStatus.NOT_FOUND, "unknown-" + u.kind(), "Unknown " + u.kind(), e.getMessage(), path);
        }
        if (e instanceof LexiconConflictException c) {
            return of(HttpStatus.CONFLICT, c.type(), "Lexicon change refused", e.getMessage(), path);
        }
        if (e instanceof UnknownEntityException u) {
            ProblemDetail problem = of(HttpStatus.NOT_FOUND, u.ambiguous() ? "ambiguous-entity" : "unknown-entity",
                    u.ambiguous() ? "Ambiguous entity" : "Unknown entity", u.getMessage(), path);
            problem.setProperty("mention", u.mention());
            problem.setProperty("candidates", u.candidates().stream()
                    .map(QueryResponse.EntityView::of).toList());
            return problem;
        }
        if (e instanceof QuestionNotUnderstoodException q) {
            ProblemDetail problem = of(HttpStatus.UNPROCESSABLE_CONTENT, "question-not-understood",
                    "Question not understood", e.getMessage(), path);
            java.util.Map<String, String> understood = new java.util.LinkedHashMap<>();
            if (q.mention() != null) {
                understood.put("entity", q.mention());
            }
            if (q.phrase() != null) {
                understood.put("relation", q.phrase());
            }
            problem.setProperty("understood", understood);
            if (!q.nearestPhrases().isEmpty()) {
                problem.setProperty("nearestPhrases", q.nearestPhrases());
            }
            return problem;
        }
        if (e instanceof QuestionTooBroadException) {
            return of(HttpStatus.UNPROCESSABLE_CONTENT, "question-too-broad", "Question too broad", e.getMessage(), path);
        }
        if (e instanceof QuestionTimeoutException) {
            return of(HttpStatus.SERVICE_UNAVAILABLE, "question-timeout", "Question timed out", e.getMessage(), path);
        }
        if (e instanceof UnknownModelException) {
            return of(HttpStatus.NOT_FOUND, "unknown-model", "Unknown model version", e.getMessage(), path);
        }
        if (e instanceof DamagedModelException) {
            return of(HttpStatus.CONFLICT, "damaged-model", "Damaged model", e.getMessage()
                    + "; the active model keeps answering", path);
        }
        if (e instanceof UnknownImportProfileException) {
            return of(HttpStatus.NOT_FOUND, "unknown-import-profile", "Unknown import profile", e.getMessage(), path);
        }
        if (e instanceof UnknownTrainingJobException) {
            return of(HttpStatus.NOT_FOUND, "unknown-training-job", "Unknown training job", e.getMessage(), path);
        }
        if (e instanceof TrainingJobFinishedException f) {
            ProblemDetail problem = of(HttpStatus.CONFLICT, "training-job-finished", "Training job already finished",
                    e.getMessage(), path);
            problem.setProperty("jobStatus", f.status().wireName());
            return problem;
        }
        if (e instanceof RequestRejectedException) {
            return of(HttpStatus.BAD_REQUEST, "rejected-request", "Request rejected", "the URL or a header holds what "
                    + "relata does not accept: a path parameter (;), an encoded slash, period or percent sign, a double "
                    + "slash, a dot segment, a backslash or a control character", path);
        }
        if (e instanceof TooLargeException) {
            return of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large", e.getMessage(), path);
        }
        if (e instanceof OverloadedException || e instanceof ModelBusyException) {
            return of(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Overloaded", e.getMessage(), path);
        }
        if (e instanceof ModelUnavailableException) {
            return of(HttpStatus.SERVICE_UNAVAILABLE, "model-unavailable", "Model tier unavailable", e.getMessage(), path);
        }
        if (e instanceof ImportFailedException f) {
            if (!f.storeFailed()) {
                log.warn("Import stopped after line {}: {}", f.committedLines(), LogSafe.escape(f.what()));
            } else {
                log.error("Import stopped after line {}", f.committedLines(), LogSafe.escape(e));
            }
            ProblemDetail problem = of(HttpStatus.SERVICE_UNAVAILABLE, "import-interrupted", "Import interrupted",
                    f.what() + "; lines up to " + f.committedLines()
                            + " are stored, resend the file (stored facts count as duplicates)", path);
            problem.setProperty("committedLines", f.committedLines());
            return problem;
        }
        if (bodyBrokeOff(e)) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            log.warn("The body of a request to {} ended before it was complete: {}", LogSafe.escape(path),
                    LogSafe.escape(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()));
            return of(HttpStatus.BAD_REQUEST, "invalid-request", INVALID_REQUEST, "the request body ended before it was "
                    + "complete (the connection closed early, or a chunk was malformed); nothing of it was stored", path);
        }
        log.error("Unexpected failure on {}", LogSafe.escape(path), LogSafe.escape(e));
        return of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "relata failed to answer; the error is logged", path);
    }
}
