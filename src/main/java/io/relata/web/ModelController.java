package io.relata.web;

import io.relata.ForRoles;
import io.relata.RelataProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.relata.model.ModelManifest;
import io.relata.model.ModelRegistry;
import io.relata.model.ServingModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The model versions in the registry: list them with their metrics, and choose the one that answers. */
@RestController
@Tag(name = "Models")
@ForRoles({RelataProperties.Role.ALL, RelataProperties.Role.MODEL})
class ModelController {

    private final ModelRegistry registry;
    private final ServingModel serving;

    ModelController(ModelRegistry registry, ServingModel serving) {
        this.registry = registry;
        this.serving = serving;
    }

    /** Every version, newest first, the active one (null when none answers) and the device models run on. */
    @Schema(description = "Every version, newest first, the active one (null when none answers) and the device models run on")
    record ModelList(@JsonInclude(JsonInclude.Include.ALWAYS) String active, String device, List<ModelView> models) {}

    @GetMapping("/v1/models")
    @Operation(operationId = "listModels", summary = "List model versions with their validation metrics and which one is active",
            responses = @ApiResponse(responseCode = "200", description = "The versions", content = @Content(
                    schema = @Schema(implementation = ModelList.class), examples = @ExampleObject(value = """
                    {"active":"v20260105-100012-3fa1b2c4","device":"cpu","models":[{"version":"v20260105-100012-3fa1b2c4",
                     "createdAt":"2026-01-05T10:00:12.400Z","algorithm":"complex-n3-reciprocal","entities":240,
                     "relations":6,"trainingFacts":351,"validationFacts":39,"dataFingerprint":"3fa1b2c4…",
                     "validation":{"forward":{"mrr":0.66,"hits1":0.57,"hits3":0.72,"hits10":0.87,"queries":39},
                     "inverse":{"mrr":0.65,"hits1":0.56,"hits3":0.71,"hits10":0.88,"queries":39},
                     "both":{"mrr":0.653,"hits1":0.565,"hits3":0.715,"hits10":0.875,"queries":78}},"ece":0.04,
                     "settings":{"rank":64,"epochs":100,"batchSize":100,"learningRate":0.1,"n3Weight":0.01,
                     "initScale":0.001,"reciprocal":true,"patience":3,"validateEvery":5,"seed":42},"epochs":45,
                     "trainSeconds":11.9,"trainedOn":"cpu","active":true}]}"""))))
    ModelList list() {
        String active = serving.activeManifest().map(ModelManifest::version).orElse(null);
        List<ModelView> models = registry.list().stream().map(m -> ModelView.of(m, m.version().equals(active))).toList();
        return new ModelList(active, serving.deviceName(), models);
    }

    @PostMapping("/v1/models/{version}/activate")
    @Operation(operationId = "activateModel", summary = "Make a version the one that answers",
            description = "Loads the version and swaps it in atomically: questions in flight finish on the version they "
                    + "started with. An unknown version is a 404; a version whose files are damaged is a 409 "
                    + "(damaged-model) and the active model stays.")
    ModelView activate(@Parameter(description = "The version, as listed by GET /v1/models") @PathVariable String version) {
        return ModelView.of(serving.activate(version), true);
    }
}
