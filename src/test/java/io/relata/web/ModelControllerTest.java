package io.relata.web;

import static io.relata.web.ProblemMatchers.problem;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.relata.model.Calibration;
import io.relata.model.Cardinality;
import io.relata.model.DamagedModelException;
import io.relata.model.LinkMetrics;
import io.relata.model.ModelManifest;
import io.relata.model.ModelRegistry;
import io.relata.model.ServingModel;
import io.relata.model.TrainingSettings;
import io.relata.model.UnknownModelException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ModelController.class)
@Import(WebSliceConfig.class)
class ModelControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ModelRegistry registry;

    @MockitoBean
    ServingModel serving;


    @BeforeEach
    void ready() {
        given(serving.deviceName()).willReturn("cpu");
    }

    @Test
    void listsEveryVersionWithItsMetricsAndMarksTheActiveOne() throws Exception {
        ModelManifest older = manifest("v20260101-000000-aaaaaaaa", 0.61);
        ModelManifest newer = manifest("v20260102-000000-bbbbbbbb", 0.58);
        given(registry.list()).willReturn(List.of(newer, older));
        given(serving.activeManifest()).willReturn(Optional.of(older));

        mvc.perform(get("/v1/models"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value("v20260101-000000-aaaaaaaa"))
                .andExpect(jsonPath("$.device").value("cpu"))
                .andExpect(jsonPath("$.models", hasSize(2)))
                .andExpect(jsonPath("$.models[0].version").value("v20260102-000000-bbbbbbbb"))
                .andExpect(jsonPath("$.models[0].active").value(false))
                .andExpect(jsonPath("$.models[1].active").value(true))
                .andExpect(jsonPath("$.models[1].validation.forward.mrr").value(0.61))
                .andExpect(jsonPath("$.models[1].validation.inverse.hits1").value(0.61))
                .andExpect(jsonPath("$.models[1].validation.both.mrr").value(0.61))
                .andExpect(jsonPath("$.models[1].ece").value(0.03))
                .andExpect(jsonPath("$.models[1].entities").value(40))
                .andExpect(jsonPath("$.models[1].relations").value(3))
                .andExpect(jsonPath("$.models[1].trainingFacts").value(90))
                .andExpect(jsonPath("$.models[1].settings.rank").value(100))
                .andExpect(jsonPath("$.models[1].trainSeconds").value(4.5))
                .andExpect(jsonPath("$.models[1].trainedOn").value("cpu"))
                .andExpect(jsonPath("$.models[1].createdAt").value("2026-01-05T10:00:00Z"));
    }

    @Test
    void withoutModelsActiveIsNullAndTheListEmpty() throws Exception {
        given(registry.list()).willReturn(List.of());
        given(serving.activeManifest()).willReturn(Optional.empty());

        mvc.perform(get("/v1/models"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value((Object) null))
                .andExpect(jsonPath("$.device").value("cpu"))
                .andExpect(jsonPath("$.models", hasSize(0)));
    }

    @Test
    void activatingAVersionAnswersWithItsSummary() throws Exception {
        given(serving.activate("v20260101-000000-aaaaaaaa")).willReturn(manifest("v20260101-000000-aaaaaaaa", 0.61));

        mvc.perform(post("/v1/models/v20260101-000000-aaaaaaaa/activate"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value("v20260101-000000-aaaaaaaa"))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.validation.both.mrr").value(0.61));
    }

    @Test
    void activatingAnUnknownVersionIsANotFoundProblem() throws Exception {
        given(serving.activate("v0")).willThrow(new UnknownModelException("v0"));

        mvc.perform(post("/v1/models/v0/activate"))
                .andExpect(problem(404, "unknown-model", "/v1/models/v0/activate"));
    }

    @Test
    void activatingADamagedVersionIsAConflict() throws Exception {
        given(serving.activate("v1")).willThrow(new DamagedModelException("v1", "the checksum of parameters.ndlist differs"));

        mvc.perform(post("/v1/models/v1/activate"))
                .andExpect(problem(409, "damaged-model", "/v1/models/v1/activate"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("checksum")));
    }

    private static ModelManifest manifest(String version, double mrr) {
        LinkMetrics m = new LinkMetrics(mrr, mrr, mrr, mrr, 10);
        return new ModelManifest(version, Instant.parse("2026-01-05T10:00:00Z"), ModelManifest.ALGORITHM,
                TrainingSettings.defaults(), 40, 3, 90, 10, "fingerprint", new LinkMetrics.ByDirection(m, m, m),
                Calibration.identity(), new Calibration.Reliability(0.03, 20, List.of()), null, Cardinality.none(), 12, true,
                4.5, "cpu", "sha", "roles-sha");
    }
}
