package io.relata.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The servlet container's error page, {@code /error}: an error raised outside Spring MVC (a filter, a status sent by
 * the container) is a problem like any other, with the path of the request that failed. Asked for directly,
 * {@code /error} is a path like any unknown one: 404.
 */
@Controller
class ErrorProblemController implements ErrorController {

    private final JsonMapper json;

    ErrorProblemController(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problems.write(response, problem(request), json);
    }

    private static ProblemDetail problem(HttpServletRequest request) {
        if (request.getAttribute(Problems.ANSWERED) instanceof ProblemDetail answered) {
            return answered;
        }
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(status instanceof Integer code)) {
            return Problems.ofStatus(HttpStatus.NOT_FOUND.value(), "no endpoint " + request.getRequestURI(),
                    request.getRequestURI());
        }
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                ? uri : request.getRequestURI();
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        while (failure instanceof ServletException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof Exception exception) {
            return Problems.describe(exception, path);
        }
        return Problems.ofStatus(code, HttpStatus.resolve(code) == null ? "the request failed"
                : HttpStatus.resolve(code).getReasonPhrase().toLowerCase(java.util.Locale.ROOT), path);
    }
}
