package io.relata.web;

import io.relata.InvalidInputException;
import io.relata.training.TrainingJob;
import io.relata.training.TrainingJobs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Training jobs: train a model on the stored facts in the background, follow its progress, cancel it. */
@RestController
@Tag(name = "Models", description = "Train relation models on the stored facts, list the versions, choose the active one")
class TrainingJobController {

    static final String PATH = "/v1/training-jobs";
    private static final int MAX_LIST = 100;

    private static final String RUNNING_EXAMPLE = """
            {"id":"5f0c6a52-8d7e-4c1e-9a51-2b8f3f0d9c11","status":"running","progress":0.38,"epoch":40,"epochs":100,
             "loss":1.2379,"metrics":{"forward":{"mrr":0.64,"hits1":0.55,"hits3":0.7,"hits10":0.85,"queries":39},
             "inverse":{"mrr":0.63,"hits1":0.54,"hits3":0.69,"hits10":0.87,"queries":39},
             "both":{"mrr":0.635,"hits1":0.545,"hits3":0.695,"hits10":0.86,"queries":78}},"secondsLeft":9.6,
             "modelVersion":null,"activated":false,
             "settings":{"rank":64,"epochs":100,"batchSize":100,"learningRate":0.1,"n3Weight":0.01,"initScale":0.001,
             "reciprocal":true,"patience":3,"validateEvery":5,"seed":42,"validationShare":0.1,"activate":"if-not-worse"},
             "createdAt":"2026-01-05T10:00:00Z","startedAt":"2026-01-05T10:00:00.120Z"}""";

    private final TrainingJobs jobs;

    TrainingJobController(TrainingJobs jobs) {
        this.jobs = jobs;
    }

    /** Recent jobs, newest first. */
    record JobList(List<TrainingJobView> jobs) {}

    @PostMapping(PATH)
    @Operation(operationId = "startTrainingJob", summary = "Train a model on all stored facts",
            description = "Queues a job and answers at once (202, Location: the job). Jobs run one at a time. A share of "
                    + "the facts is held out for early stopping and calibration. By default the new model is activated "
                    + "if it is not worse than the active one: its validation MRR is at least the active model's minus "
                    + "0.01, or the facts changed since the active model was trained, or no model is active. "
                    + "An invalid option is a 400 and no job is created; fewer than 20 stored facts is a 400.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    schema = @Schema(implementation = TrainingJobBody.class), examples = {
                            @ExampleObject(name = "defaults", value = "{}"),
                            @ExampleObject(name = "a small graph", value = """
                                    {"rank":64,"epochs":100,"patience":3,"validateEvery":5,"activate":"if-not-worse"}"""),
                            @ExampleObject(name = "train, keep the active model", value = """
                                    {"epochs":200,"learningRate":0.05,"validationShare":0.2,"activate":"never"}""")})),
            responses = @ApiResponse(responseCode = "202", description = "Queued", headers = @Header(name = "Location",
                    description = "The job: /v1/training-jobs/{id}", schema = @Schema(type = "string")), content = @Content(
                    schema = @Schema(implementation = TrainingJobView.class), examples = @ExampleObject(
                    value = """
                            {"id":"5f0c6a52-8d7e-4c1e-9a51-2b8f3f0d9c11","status":"queued","progress":0.0,"epoch":0,
                             "epochs":60,"metrics":{},"modelVersion":null,"activated":false,
                             "createdAt":"2026-01-05T10:00:00Z"}"""))))
    ResponseEntity<TrainingJobView> start(@RequestBody(required = false) JsonNode body) {
        TrainingJob job = jobs.submit(TrainingJobBody.parse(body).toOptions());
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + job.id())).body(TrainingJobView.of(job));
    }

    @GetMapping(PATH + "/{id}")
    @Operation(operationId = "getTrainingJob", summary = "A training job's status and progress",
            description = "progress runs from 0 to 1 (1 once succeeded); metrics are the latest validation while it "
                    + "runs and the best, with the calibration error (ece), once it has succeeded.",
            responses = @ApiResponse(responseCode = "200", description = "The job", content = @Content(
                    schema = @Schema(implementation = TrainingJobView.class), examples = {
                    @ExampleObject(name = "running", value = RUNNING_EXAMPLE),
                    @ExampleObject(name = "succeeded", value = """
                            {"id":"5f0c6a52-8d7e-4c1e-9a51-2b8f3f0d9c11","status":"succeeded","progress":1.0,"epoch":45,
                             "epochs":100,"loss":1.2048,"metrics":{"forward":{"mrr":0.66,"hits1":0.57,"hits3":0.72,
                             "hits10":0.87,"queries":39},"inverse":{"mrr":0.65,"hits1":0.56,"hits3":0.71,"hits10":0.88,
                             "queries":39},"both":{"mrr":0.653,"hits1":0.565,"hits3":0.715,"hits10":0.875,"queries":78},
                             "ece":0.04},"secondsLeft":0.0,"modelVersion":"v20260105-100012-3fa1b2c4","activated":true,
                             "activation":{"rule":"no-active-model","reason":"no model was active"},
                             "createdAt":"2026-01-05T10:00:00Z","startedAt":"2026-01-05T10:00:00.120Z",
                             "finishedAt":"2026-01-05T10:00:12.480Z"}""")})))
    TrainingJobView get(@Parameter(description = "The job's id") @PathVariable String id) {
        return TrainingJobView.of(jobs.find(id));
    }

    @GetMapping(PATH)
    @Operation(operationId = "listTrainingJobs", summary = "Recent training jobs, newest first")
    JobList list(@Parameter(description = "Most jobs listed, 1..100") @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new InvalidInputException("limit must be 1.." + MAX_LIST);
        }
        return new JobList(jobs.recent(limit).stream().map(TrainingJobView::of).toList());
    }

    @DeleteMapping(PATH + "/{id}")
    @Operation(operationId = "cancelTrainingJob", summary = "Cancel a queued or running job",
            description = "A queued job is cancelled at once; a running one stops at its next batch and then reads "
                    + "\"cancelled\" (202 either way: GET the job to see it). The active model keeps answering. "
                    + "A job that has already finished is a 409.",
            responses = @ApiResponse(responseCode = "202", description = "Cancelled, or asked to stop", content = @Content(
                    schema = @Schema(implementation = TrainingJobView.class))))
    ResponseEntity<TrainingJobView> cancel(@Parameter(description = "The job's id") @PathVariable String id) {
        return ResponseEntity.accepted().body(TrainingJobView.of(jobs.cancel(id)));
    }
}
