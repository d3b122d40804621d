package io.relata.web;

import io.relata.TooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** The one place HTTP errors are made: every error leaves as application/problem+json with a stable type. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handle(Exception e, HttpServletRequest request) {
        ProblemDetail problem = Problems.describe(e, request.getRequestURI());
        request.setAttribute(Problems.ANSWERED, problem);
        return respond(problem);
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.header(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
        }
        return response.body(problem);
    }

    /** Spring MVC's own errors (bad JSON, wrong method, unknown path, ...) get relata's types and the request path. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            problem.setType(URI.create(Problems.TYPE_BASE + Problems.typeOf(status.value())));
            if (status.value() == HttpStatus.BAD_REQUEST.value()) {
                problem.setTitle(Problems.INVALID_REQUEST);
            }
            if (request instanceof ServletWebRequest servlet) {
                problem.setInstance(Problems.instance(servlet.getRequest().getRequestURI()));
            }
            if (ex instanceof HttpMessageNotReadableException) {
                problem.setDetail(JsonErrors.explain(ex));
            }
        }
        return response;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof TooLargeException tooLarge && request instanceof ServletWebRequest servlet) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(Problems.describe(tooLarge, servlet.getRequest().getRequestURI()));
            }
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }
}
