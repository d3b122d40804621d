package io.relata.tier;

import io.relata.ForRoles;
import io.relata.RelataProperties;
import io.relata.model.ModelUnavailableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The model versions of an api process: the model tier owns the registry, so listing and activation are asked of it
 * over HTTP and its answer (a list, a version, or a problem) is passed on as it is. A tier that does not answer is a 503
 * (model-unavailable).
 */
@RestController
@ForRoles(RelataProperties.Role.API)
@Tag(name = "Models")
class RemoteModelController {

    private final TierClient client;
    private final RemoteModel model;

    RemoteModelController(TierClient client, RemoteModel model) {
        this.client = client;
        this.model = model;
    }

    @GetMapping("/v1/models")
    @Operation(operationId = "listModels", summary = "List model versions with their validation metrics and which one is active (asked of the model tier)")
    ResponseEntity<byte[]> list() {
        return forward("GET", "/v1/models");
    }

    @PostMapping("/v1/models/{version}/activate")
    @Operation(operationId = "activateModel", summary = "Make a version the one that answers (on the model tier)",
            description = "The model tier loads the version and swaps it in; questions in flight finish on the version "
                    + "they started with. An unknown version is a 404; a damaged one a 409 and the active model stays.")
    ResponseEntity<byte[]> activate(@Parameter(description = "The version, as listed by GET /v1/models") @PathVariable String version) {
        ResponseEntity<byte[]> answer = forward("POST", "/v1/models/"
                + java.net.URLEncoder.encode(version, StandardCharsets.UTF_8).replace("+", "%20") + "/activate");
        if (answer.getStatusCode().is2xxSuccessful()) {
            model.refresh();
        }
        return answer;
    }

    private ResponseEntity<byte[]> forward(String method, String path) {
        HttpResponse<byte[]> response;
        try {
            response = client.forward(method, path);
        } catch (TierException e) {
            throw new ModelUnavailableException(e.getMessage());
        }
        String type = response.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse(MediaType.APPLICATION_JSON_VALUE);
        return ResponseEntity.status(response.statusCode()).contentType(MediaType.parseMediaType(type)).body(response.body());
    }
}
