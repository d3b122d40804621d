package io.relata.tier;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.relata.RelataProperties;
import io.relata.model.LinkQuery;
import io.relata.model.ModelManifest;
import io.relata.model.ModelStatus;
import io.relata.model.Prediction;
import io.relata.model.RelationModel;
import io.relata.model.ServingModel;
import io.relata.model.UnknownModelException;
import io.relata.ops.Readiness;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The model tier's OIP endpoints in a web slice, over a stand-in for the serving model. */
@WebMvcTest(controllers = InferenceController.class, properties = "relata.role=model")
@AutoConfigureMockMvc(addFilters = false)
@Import({InferenceControllerTest.Slice.class, Inference.class})
class InferenceControllerTest {

    private static final String ONE_ROW = """
            {"id":"q7","inputs":[
              {"name":"entity","shape":[1],"datatype":"INT64","data":[7]},
              {"name":"relation","shape":[1],"datatype":"BYTES","data":["mother"]},
              {"name":"inverse","shape":[1],"datatype":"BOOL","data":[true]},
              {"name":"k","shape":[1],"datatype":"INT32","data":[2]}]}""";

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RelataProperties.class)
    static class Slice {
        @Bean
        MeterRegistry meters() {
            return new SimpleMeterRegistry();
        }

        @Bean
        Readiness readiness() {
            Readiness ready = mock(Readiness.class);
            given(ready.started()).willReturn(true);
            return ready;
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ServingModel serving;

    /** A session on version v2 that answers each row with entity 100 + its entity, and knows entities below 50. */
    private final RelationModel.ModelSession session = new RelationModel.ModelSession() {
        @Override
        public ModelStatus status() {
            return ModelStatus.loaded("v2", "cpu");
        }

        @Override
        public List<List<Prediction>> predict(List<LinkQuery> queries, int[] k) {
            return queries.stream().map(q -> List.of(new Prediction(100 + q.entityId(), 0.8), new Prediction(1, 0.1))).toList();
        }

        @Override
        public boolean knowsEntity(long entityId) {
            return entityId < 50;
        }

        @Override
        public void close() {}
    };

    @BeforeEach
    void model() {
        given(serving.status()).willReturn(ModelStatus.loaded("v2", "cpu"));
        given(serving.deviceName()).willReturn("cpu");
        given(serving.open(any())).willReturn(session);
        ModelManifest v2 = mock(ModelManifest.class);
        given(v2.version()).willReturn("v2");
        given(v2.entities()).willReturn(40);
        ModelManifest v1 = mock(ModelManifest.class);
        given(v1.version()).willReturn("v1");
        given(serving.versions()).willReturn(List.of(v2, v1));
        given(serving.activeManifest()).willReturn(Optional.of(v2));
    }

    @Test
    void metadataNamesTheModelItsVersionsPlatformAndTensors() throws Exception {
        mvc.perform(get("/v2/models/relata"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("relata"))
                .andExpect(jsonPath("$.versions[0]").value("v2"))
                .andExpect(jsonPath("$.versions[1]").value("v1"))
                .andExpect(jsonPath("$.platform").value("pytorch_ndlist"))
                .andExpect(jsonPath("$.inputs", hasSize(7)))
                .andExpect(jsonPath("$.inputs[0].name").value("entity"))
                .andExpect(jsonPath("$.inputs[0].datatype").value("INT64"))
                .andExpect(jsonPath("$.inputs[0].shape[0]").value(-1))
                .andExpect(jsonPath("$.outputs[0].name").value("answer"))
                .andExpect(jsonPath("$.outputs[0].shape", hasSize(2)))
                .andExpect(jsonPath("$.properties.active_version").value("v2"))
                .andExpect(jsonPath("$.properties.entities").value("40"));
        mvc.perform(get("/v2")).andExpect(status().isOk()).andExpect(jsonPath("$.name").value("relata"))
                .andExpect(jsonPath("$.extensions", hasSize(0)));
    }

    @Test
    void inferAnswersEachRowWithItsPredictionsAndNamesTheVersion() throws Exception {
        mvc.perform(post("/v2/models/relata/infer").contentType(MediaType.APPLICATION_JSON).content(ONE_ROW))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.model_name").value("relata"))
                .andExpect(jsonPath("$.model_version").value("v2"))
                .andExpect(jsonPath("$.id").value("q7"))
                .andExpect(jsonPath("$.parameters.device").value("cpu"))
                .andExpect(jsonPath("$.outputs[0].name").value("answer"))
                .andExpect(jsonPath("$.outputs[0].shape[0]").value(1))
                .andExpect(jsonPath("$.outputs[0].shape[1]").value(2))
                .andExpect(jsonPath("$.outputs[0].data[0]").value(107))
                .andExpect(jsonPath("$.outputs[1].datatype").value("FP64"))
                .andExpect(jsonPath("$.outputs[1].data[0]").value(0.8))
                .andExpect(jsonPath("$.outputs[2].data[0]").value(2))
                .andExpect(jsonPath("$.outputs[3].data[0]").value(true));
    }

    @Test
    void aVersionTheRegistryDoesNotHaveIsAnOipNotFound() throws Exception {
        given(serving.open(eq("v9"))).willThrow(new UnknownModelException("v9"));

        mvc.perform(post("/v2/models/relata/versions/v9/infer").contentType(MediaType.APPLICATION_JSON).content(ONE_ROW))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value(containsString("v9")));
        mvc.perform(get("/v2/models/relata/versions/v9")).andExpect(status().isNotFound());
    }

    @Test
    void anotherModelNameIsAnOipNotFound() throws Exception {
        mvc.perform(post("/v2/models/resnet/infer").contentType(MediaType.APPLICATION_JSON).content(ONE_ROW))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value(containsString("this server serves 'relata'")));
    }

    @Test
    void tensorsThatDoNotFitAndBrokenJsonAreOipBadRequests() throws Exception {
        mvc.perform(post("/v2/models/relata/infer").contentType(MediaType.APPLICATION_JSON)
                        .content(ONE_ROW.replace("\"INT32\"", "\"FP32\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("tensor 'k' must be INT32, not FP32"));
        mvc.perform(post("/v2/models/relata/infer").contentType(MediaType.APPLICATION_JSON).content("{\"inputs\":["))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value(containsString("not valid JSON")));
        mvc.perform(post("/v2/models/relata/infer").contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("the body must be an inference request object"));
    }

    @Test
    void withoutAModelInferenceIsUnavailableAndTheServerNotReady() throws Exception {
        RelationModel.ModelSession none = mock(RelationModel.ModelSession.class);
        given(none.status()).willReturn(ModelStatus.none());
        given(serving.open(any())).willReturn(none);
        given(serving.status()).willReturn(ModelStatus.none());

        mvc.perform(post("/v2/models/relata/infer").contentType(MediaType.APPLICATION_JSON).content(ONE_ROW))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.error").value(containsString("no model is loaded")));
        mvc.perform(get("/v2/health/ready")).andExpect(status().isServiceUnavailable()).andExpect(jsonPath("$.ready").value(false));
        mvc.perform(get("/v2/health/live")).andExpect(status().isOk()).andExpect(jsonPath("$.live").value(true));
        mvc.perform(get("/v2/models/relata/ready")).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.name").value("relata")).andExpect(jsonPath("$.ready").value(false));
    }
}
