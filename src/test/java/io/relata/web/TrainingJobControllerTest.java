package io.relata.web;

import static io.relata.web.ProblemMatchers.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.relata.InvalidInputException;
import io.relata.model.LinkMetrics;
import io.relata.model.TrainingSettings;
import io.relata.training.Activation;
import io.relata.training.JobStatus;
import io.relata.training.TrainingJob;
import io.relata.training.TrainingJobFinishedException;
import io.relata.training.TrainingJobs;
import io.relata.training.TrainingMetrics;
import io.relata.training.TrainingOptions;
import io.relata.training.UnknownTrainingJobException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(TrainingJobController.class)
@Import(WebSliceConfig.class)
class TrainingJobControllerTest {

    private static final String ID = "5f0c6a52-8d7e-4c1e-9a51-2b8f3f0d9c11";
    private static final Instant CREATED = Instant.parse("2026-01-05T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TrainingJobs jobs;



    @Test
    void startingAJobWithoutABodyQueuesItWithTheDefaultsAndPointsAtIt() throws Exception {
        given(jobs.submit(any())).willAnswer(call -> queued(call.getArgument(0)));

        mvc.perform(post("/v1/training-jobs"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/v1/training-jobs/" + ID))
                .andExpect(jsonPath("$.id").value(ID))
                .andExpect(jsonPath("$.status").value("queued"))
                .andExpect(jsonPath("$.progress").value(0.0))
                .andExpect(jsonPath("$.metrics").isMap())
                .andExpect(jsonPath("$.modelVersion").value((Object) null))
                .andExpect(jsonPath("$.settings.activate").value("if-not-worse"))
                .andExpect(jsonPath("$.createdAt").value("2026-01-05T10:00:00Z"));

        ArgumentCaptor<TrainingOptions> options = ArgumentCaptor.forClass(TrainingOptions.class);
        verify(jobs).submit(options.capture());
        assertThat(options.getValue()).isEqualTo(TrainingOptions.defaults());
    }

    @Test
    void optionsOverrideTheDefaultsOneByOne() throws Exception {
        given(jobs.submit(any())).willAnswer(call -> queued(call.getArgument(0)));

        mvc.perform(post("/v1/training-jobs").contentType(MediaType.APPLICATION_JSON).content("""
                        {"rank":16,"epochs":7,"batchSize":32,"learningRate":0.05,"n3Weight":0.001,"seed":9,
                         "reciprocal":false,"patience":2,"validateEvery":1,"validationShare":0.2,"activate":"never"}"""))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.epochs").value(7))
                .andExpect(jsonPath("$.settings.learningRate").value(0.05))
                .andExpect(jsonPath("$.settings.activate").value("never"));

        ArgumentCaptor<TrainingOptions> captured = ArgumentCaptor.forClass(TrainingOptions.class);
        verify(jobs).submit(captured.capture());
        TrainingSettings d = TrainingSettings.defaults();
        assertThat(captured.getValue()).isEqualTo(new TrainingOptions(
                new TrainingSettings(16, 7, 32, 0.05f, 0.001f, d.initScale(), false, 2, 1, 9L), 0.2, Activation.NEVER));
    }

    @Test
    void anEmptyObjectMeansTheDefaults() throws Exception {
        given(jobs.submit(any())).willAnswer(call -> queued(call.getArgument(0)));

        mvc.perform(post("/v1/training-jobs").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isAccepted());

        verify(jobs).submit(TrainingOptions.defaults());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"rank\":0}",
        "{\"rank\":\"big\"}",
        "{\"epochs\":10001}",
        "{\"epochs\":2.5}",
        "{\"learningRate\":0}",
        "{\"n3Weight\":-1}",
        "{\"batchSize\":0}",
        "{\"validationShare\":0}",
        "{\"validationShare\":0.9}",
        "{\"activate\":\"sometimes\"}",
        "{\"reciprocal\":\"yes\"}",
        "{\"epoch\":5}",
        "[1,2]",
        "{\"rank\":"})
    void invalidOptionsAreABadRequestAndNoJobIsCreated(String body) throws Exception {
        mvc.perform(post("/v1/training-jobs").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(problem(400, "invalid-request", "/v1/training-jobs"));

        verifyNoInteractions(jobs);
    }

    @Test
    void aMisspeltOptionIsNamedInTheProblem() throws Exception {
        mvc.perform(post("/v1/training-jobs").contentType(MediaType.APPLICATION_JSON).content("{\"epoch\":5}"))
                .andExpect(problem(400, "invalid-request", "/v1/training-jobs"))
                .andExpect(jsonPath("$.detail", containsString("'epoch'")))
                .andExpect(jsonPath("$.detail", containsString("epochs")));
    }

    @Test
    void tooFewFactsIsABadRequest() throws Exception {
        given(jobs.submit(any())).willThrow(new InvalidInputException("training needs at least 20 stored facts; the store has 3"));

        mvc.perform(post("/v1/training-jobs"))
                .andExpect(problem(400, "invalid-request", "/v1/training-jobs"))
                .andExpect(jsonPath("$.detail", containsString("at least 20 stored facts")));
    }

    @Test
    void aRunningJobShowsItsProgressMetricsAndTimeLeft() throws Exception {
        LinkMetrics forward = new LinkMetrics(0.64, 0.55, 0.7, 0.85, 39);
        LinkMetrics inverse = new LinkMetrics(0.62, 0.5, 0.7, 0.9, 39);
        LinkMetrics both = new LinkMetrics(0.63, 0.525, 0.7, 0.875, 78);
        TrainingJob running = new TrainingJob(ID, JobStatus.RUNNING, TrainingOptions.defaults(), 0.38, 24, 60, 1.2379,
                new TrainingMetrics(forward, inverse, both, null), 9.64, null, false, null, null, null, false,
                CREATED, CREATED.plusMillis(120), null);
        given(jobs.find(ID)).willReturn(running);

        mvc.perform(get("/v1/training-jobs/" + ID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("running"))
                .andExpect(jsonPath("$.progress").value(0.38))
                .andExpect(jsonPath("$.epoch").value(24))
                .andExpect(jsonPath("$.epochs").value(60))
                .andExpect(jsonPath("$.loss").value(1.2379))
                .andExpect(jsonPath("$.metrics.forward.mrr").value(0.64))
                .andExpect(jsonPath("$.metrics.inverse.mrr").value(0.62))
                .andExpect(jsonPath("$.metrics.both.hits10").value(0.875))
                .andExpect(jsonPath("$.metrics.ece").doesNotExist())
                .andExpect(jsonPath("$.secondsLeft").value(9.6))
                .andExpect(jsonPath("$.startedAt").value("2026-01-05T10:00:00.120Z"))
                .andExpect(jsonPath("$.finishedAt").doesNotExist());
    }

    @Test
    void aSucceededJobNamesItsModelAndTheActivationRule() throws Exception {
        LinkMetrics m = new LinkMetrics(0.7, 0.6, 0.8, 0.9, 10);
        TrainingJob done = new TrainingJob(ID, JobStatus.SUCCEEDED, TrainingOptions.defaults(), 1.0, 45, 60, 1.2,
                new TrainingMetrics(m, m, m, 0.04), 0.0, "v20260105-100012-3fa1b2c4", true, "no-active-model",
                "no model was active", null, false, CREATED, CREATED, CREATED.plusSeconds(12));
        given(jobs.find(ID)).willReturn(done);

        mvc.perform(get("/v1/training-jobs/" + ID))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("succeeded"))
                .andExpect(jsonPath("$.progress").value(1.0))
                .andExpect(jsonPath("$.modelVersion").value("v20260105-100012-3fa1b2c4"))
                .andExpect(jsonPath("$.activated").value(true))
                .andExpect(jsonPath("$.activation.rule").value("no-active-model"))
                .andExpect(jsonPath("$.metrics.ece").value(0.04))
                .andExpect(jsonPath("$.finishedAt").value("2026-01-05T10:00:12Z"));
    }

    @Test
    void unknownJobIsANotFoundProblem() throws Exception {
        given(jobs.find("nope")).willThrow(new UnknownTrainingJobException("nope"));

        mvc.perform(get("/v1/training-jobs/nope"))
                .andExpect(problem(404, "unknown-training-job", "/v1/training-jobs/nope"));
    }

    @Test
    void listsRecentJobs() throws Exception {
        given(jobs.recent(5)).willReturn(List.of(queued(TrainingOptions.defaults())));

        mvc.perform(get("/v1/training-jobs?limit=5"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jobs", hasSize(1)))
                .andExpect(jsonPath("$.jobs[0].id").value(ID));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 101})
    void listLimitOutOfRangeIsABadRequest(int limit) throws Exception {
        mvc.perform(get("/v1/training-jobs?limit=" + limit))
                .andExpect(problem(400, "invalid-request", "/v1/training-jobs"));
    }

    @Test
    void cancellingIsAcceptedAndShowsTheJob() throws Exception {
        TrainingJob cancelled = new TrainingJob(ID, JobStatus.CANCELLED, TrainingOptions.defaults(), 0, 0, 60, null, null,
                null, null, false, null, null, null, false, CREATED, null, CREATED.plusSeconds(1));
        given(jobs.cancel(ID)).willReturn(cancelled);

        mvc.perform(delete("/v1/training-jobs/" + ID))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("cancelled"));
    }

    @Test
    void cancellingAFinishedJobIsAConflict() throws Exception {
        given(jobs.cancel(ID)).willThrow(new TrainingJobFinishedException(ID, JobStatus.SUCCEEDED));

        mvc.perform(delete("/v1/training-jobs/" + ID))
                .andExpect(problem(409, "training-job-finished", "/v1/training-jobs/" + ID))
                .andExpect(jsonPath("$.jobStatus").value("succeeded"));
    }

    private static TrainingJob queued(TrainingOptions options) {
        return new TrainingJob(ID, JobStatus.QUEUED, options, 0, 0, options.settings().epochs(), null, null, null, null,
                false, null, null, null, false, CREATED, null, null);
    }
}
