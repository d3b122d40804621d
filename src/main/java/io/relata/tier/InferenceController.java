package io.relata.tier;

import io.relata.ForRoles;
import io.relata.RelataProperties;
import io.relata.StrictJson;
import io.relata.model.DamagedModelException;
import io.relata.model.ModelBusyException;
import io.relata.model.ModelManifest;
import io.relata.model.ModelStatus;
import io.relata.model.ServingModel;
import io.relata.model.UnknownModelException;
import io.relata.ops.Readiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model tier's KServe Open Inference Protocol v2 REST endpoints for its one model, {@value Oip#MODEL}: server and
 * model metadata, liveness and readiness, and inference on the active version or on a version named in the path. Every
 * failure is OIP's {@code {"error": "..."}} with a status: 400 for a request that does not fit the tensors, 404 for
 * another model or an unknown version, 409 for a damaged version, 503 (with Retry-After) while no model is loaded or the
 * scorer is full.
 */
@RestController
@ForRoles(RelataProperties.Role.MODEL)
@Tag(name = "Model tier", description = "KServe Open Inference Protocol v2 (relata.role=model)")
class InferenceController {

    private static final Logger log = LoggerFactory.getLogger(InferenceController.class);
    private static final JsonMapper JSON = StrictJson.mapper();
    private static final String RETRY_AFTER_SECONDS = "1";

    private final ServingModel serving;
    private final Inference inference;
    private final Readiness readiness;

    InferenceController(ServingModel serving, Inference inference, Readiness readiness) {
        this.serving = serving;
        this.inference = inference;
        this.readiness = readiness;
    }

    @GetMapping({"/v2", "/v2/"})
    @Operation(operationId = "serverMetadata", summary = "Server metadata")
    Oip.ServerMetadata server() {
        String version = InferenceController.class.getPackage().getImplementationVersion();
        return new Oip.ServerMetadata(Oip.SERVER, version == null ? "development" : version, List.of());
    }

    @GetMapping("/v2/health/live")
    @Operation(operationId = "serverLive", summary = "Server live: the process answers")
    Oip.Live live() {
        return new Oip.Live(true);
    }

    @GetMapping("/v2/health/ready")
    @Operation(operationId = "serverReady", summary = "Server ready: started and a model loaded (503 otherwise)")
    ResponseEntity<Oip.Ready> ready() {
        boolean ready = readiness.started() && serving.status().loaded();
        return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(new Oip.Ready(ready));
    }

    @GetMapping("/v2/models/{name}")
    @Operation(operationId = "modelMetadata", summary = "Model metadata: versions, platform, input and output tensors, the active version")
    Oip.ModelMetadata model(@PathVariable String name) {
        checkName(name);
        return metadata(serving.versions().stream().map(ModelManifest::version).toList());
    }

    @GetMapping("/v2/models/{name}/versions/{version}")
    @Operation(operationId = "modelVersionMetadata", summary = "Metadata of one model version")
    Oip.ModelMetadata version(@PathVariable String name, @PathVariable String version) {
        checkName(name);
        checkVersion(version);
        return metadata(List.of(version));
    }

    @GetMapping("/v2/models/{name}/ready")
    @Operation(operationId = "modelReady", summary = "Model ready: a version is loaded (503 otherwise)")
    ResponseEntity<Oip.ModelReady> modelReady(@PathVariable String name) {
        checkName(name);
        boolean ready = serving.status().loaded();
        return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(new Oip.ModelReady(name, ready));
    }

    @GetMapping("/v2/models/{name}/versions/{version}/ready")
    @Operation(operationId = "modelVersionReady", summary = "Model version ready: the version is in the registry and a model is loaded (503 otherwise)")
    ResponseEntity<Oip.ModelReady> versionReady(@PathVariable String name, @PathVariable String version) {
        checkName(name);
        checkVersion(version);
        boolean ready = serving.status().loaded();
        return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(new Oip.ModelReady(name, ready));
    }

    @PostMapping(path = "/v2/models/{name}/infer", consumes = MediaType.ALL_VALUE)
    @Operation(operationId = "modelInfer", summary = "Inference on the active version (the response names it in model_version)")
    Oip.InferResponse infer(@PathVariable String name, @RequestBody byte[] body) {
        checkName(name);
        return run(null, body);
    }

    @PostMapping(path = "/v2/models/{name}/versions/{version}/infer", consumes = MediaType.ALL_VALUE)
    @Operation(operationId = "modelVersionInfer", summary = "Inference on a named version: the active one, the one before it, or one loaded from the registry")
    Oip.InferResponse inferVersion(@PathVariable String name, @PathVariable String version, @RequestBody byte[] body) {
        checkName(name);
        return run(version, body);
    }

    private Oip.InferResponse run(String version, byte[] body) {
        InferCodec.Decoded request = InferCodec.decodeRequest(JSON.readTree(body));
        Inference.Outcome outcome = inference.infer(version, request.rows());
        return InferCodec.response(outcome.version(), outcome.device(), request.id(), outcome.results(), request.outputs());
    }

    private Oip.ModelMetadata metadata(List<String> versions) {
        ModelStatus status = serving.status();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("device", serving.deviceName());
        if (status.loaded()) {
            properties.put("active_version", status.version());
            serving.activeManifest().ifPresent(m -> properties.put("entities", Integer.toString(m.entities())));
        }
        return new Oip.ModelMetadata(Oip.MODEL, versions, Oip.PLATFORM, Oip.INPUTS, Oip.OUTPUTS, properties);
    }

    private static void checkName(String name) {
        if (!Oip.MODEL.equals(name)) {
            throw new UnknownModelNameException(name);
        }
    }

    private void checkVersion(String version) {
        if (serving.versions().stream().noneMatch(m -> m.version().equals(version))) {
            throw new UnknownModelException(version);
        }
    }

    /** A model name other than {@value Oip#MODEL} (404). */
    static class UnknownModelNameException extends RuntimeException {
        UnknownModelNameException(String name) {
            super("unknown model '" + name + "': this server serves '" + Oip.MODEL + "'");
        }
    }

    @ExceptionHandler({InvalidInferRequestException.class, JacksonException.class, HttpMessageNotReadableException.class})
    ResponseEntity<Oip.Error> invalid(Exception e) {
        String message = e instanceof JacksonException j ? "the body is not valid JSON: " + j.getOriginalMessage()
                : e instanceof HttpMessageNotReadableException ? "the body must be an inference request object"
                : e.getMessage();
        return error(HttpStatus.BAD_REQUEST, message);
    }

    @ExceptionHandler({UnknownModelNameException.class, UnknownModelException.class})
    ResponseEntity<Oip.Error> unknown(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(DamagedModelException.class)
    ResponseEntity<Oip.Error> damaged(DamagedModelException e) {
        return error(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler({Inference.NoModelException.class, ModelBusyException.class})
    ResponseEntity<Oip.Error> unavailable(RuntimeException e) {
        return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Oip.Error> failed(Exception e) {
        log.error("Inference failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "inference failed; the error is logged");
    }

    private static ResponseEntity<Oip.Error> error(HttpStatus status, String message) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.body(new Oip.Error(message));
    }
}
