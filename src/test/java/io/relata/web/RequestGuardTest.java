package io.relata.web;

import static io.relata.web.ProblemMatchers.problem;
import static io.relata.web.ProblemMatchers.unavailable;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.relata.facts.EntityRef;
import io.relata.facts.FactFormat;
import io.relata.facts.FactIngestor;
import io.relata.imports.KnowledgeImporter;
import io.relata.facts.ImportSummary;
import io.relata.facts.IngestSummary;
import io.relata.lexicon.Direction;
import io.relata.lexicon.Reading;
import io.relata.model.ModelStatus;
import io.relata.ops.Readiness;
import io.relata.query.MatchKind;
import io.relata.query.QueryResult;
import io.relata.query.QueryService;
import io.relata.query.ResolvedEntity;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The filter in front of /v1: 503 until ready, 413 for a JSON body over relata.query.max-body-bytes. */
@WebMvcTest(controllers = {QueryController.class, FactController.class}, properties = "relata.query.max-body-bytes=2048")
@Import(WebSliceConfig.class)
class RequestGuardTest {

    private static final int LIMIT = 2048;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QueryService queries;

    @MockitoBean
    FactIngestor ingestor;

    @MockitoBean
    KnowledgeImporter importer;

    @MockitoBean
    Readiness readiness;

    private void readiness(boolean started, boolean modelReady) {
        given(readiness.started()).willReturn(started);
        given(readiness.modelReady()).willReturn(modelReady);
    }

    private static QueryResult nothingKnown() {
        return new QueryResult("Who is Tom Cruise's mother?",
                new ResolvedEntity(EntityRef.plain(1, "Tom Cruise"), "Tom Cruise", MatchKind.EXACT), "mother",
                Direction.FORWARD, List.of(Reading.of("mother", Direction.FORWARD)), List.of(), ModelStatus.none(), false);
    }

    /** A facts array of about {@code bytes} bytes. */
    private static String factsOfSize(int bytes) {
        StringBuilder body = new StringBuilder("[");
        int i = 0;
        while (body.length() < bytes - 80) {
            body.append(i == 0 ? "" : ",").append("{\"subject\":\"Person ").append(i++)
                    .append("\",\"relation\":\"mother\",\"object\":\"Mira Quill\"}");
        }
        return body.append("]").toString();
    }

    @Test
    void questionsBeforeStartupAreUnavailableWithRetryAfter() throws Exception {
        readiness(false, true);

        mvc.perform(get("/v1/queries").param("q", "Who is Tom Cruise's mother?"))
                .andExpect(unavailable("not-ready", "/v1/queries"))
                .andExpect(jsonPath("$.title").value("Not ready"));
        verifyNoInteractions(queries);
    }

    @Test
    void factsBeforeStartupAreUnavailableWithRetryAfter() throws Exception {
        readiness(false, true);

        mvc.perform(post("/v1/facts").contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(unavailable("not-ready", "/v1/facts"));
        verifyNoInteractions(ingestor);
    }

    @Test
    void questionsWaitForARequiredModelButFactsDoNot() throws Exception {
        readiness(true, false);
        given(ingestor.ingest(anyList(), any())).willReturn(new IngestSummary(0, 0, 0));

        mvc.perform(post("/v1/queries").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"question\":\"Who is Tom Cruise's mother?\"}"))
                .andExpect(unavailable("not-ready", "/v1/queries"))
                .andExpect(jsonPath("$.detail").value(containsString("model")));
        mvc.perform(post("/v1/queries/batch").contentType(MediaType.APPLICATION_JSON).content("{\"queries\":[]}"))
                .andExpect(unavailable("not-ready", "/v1/queries/batch"));
        mvc.perform(post("/v1/facts").contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isOk());
        verifyNoInteractions(queries);
    }

    @Test
    void anEncodedSpellingOfAnApiPathIsGuardedLikeThePlainOne() throws Exception {
        readiness(false, true);

        mvc.perform(post(URI.create("/%76%31/facts")).contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(unavailable("not-ready", "/%76%31/facts"));
        mvc.perform(get(URI.create("/v1/%71ueries?q=Who%20is%20Tom%20Cruise%27s%20mother%3F")))
                .andExpect(unavailable("not-ready", "/v1/%71ueries"));
        verifyNoInteractions(ingestor, queries);
    }

    @Test
    void anEncodedSpellingOfTheQuestionPathWaitsForARequiredModel() throws Exception {
        readiness(true, false);

        mvc.perform(post(URI.create("/v1/%71ueries/batch")).contentType(MediaType.APPLICATION_JSON).content("{\"queries\":[]}"))
                .andExpect(unavailable("not-ready", "/v1/%71ueries/batch"));
        verifyNoInteractions(queries);
    }

    @Test
    void aPathParameterIsRefusedBeforeTheGuardOrAnyControllerSeesIt() throws Exception {
        readiness(true, true);

        mvc.perform(post(URI.create("/v1;x/facts")).contentType(MediaType.APPLICATION_JSON).content(factsOfSize(LIMIT + 500)))
                .andExpect(problem(400, "rejected-request", "/v1;x/facts"));
        verifyNoInteractions(ingestor);
    }

    @Test
    void anEncodedSpellingOfAnApiPathHasTheBodyLimitToo() throws Exception {
        readiness(true, true);

        mvc.perform(post(URI.create("/%76%31/facts")).contentType(MediaType.APPLICATION_JSON).content(factsOfSize(LIMIT + 500)))
                .andExpect(problem(413, "too-large", "/%76%31/facts"));
        verifyNoInteractions(ingestor);
    }

    @Test
    void pathsOutsideTheApiAreNotGuarded() throws Exception {
        readiness(false, false);

        mvc.perform(get("/no-such-page"))
                .andExpect(problem(404, "not-found", "/no-such-page"));
    }

    @Test
    void onceReadyQuestionsPass() throws Exception {
        readiness(true, true);
        given(queries.answer(any())).willReturn(nothingKnown());

        mvc.perform(get("/v1/queries").param("q", "Who is Tom Cruise's mother?"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answers").isEmpty());
    }

    @Test
    void jsonBodyOverTheLimitIsTooLargeAndNeverReachesTheController() throws Exception {
        readiness(true, true);
        String body = factsOfSize(LIMIT + 500);

        mvc.perform(post("/v1/facts").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(problem(413, "too-large", "/v1/facts"))
                .andExpect(jsonPath("$.detail").value(containsString(Integer.toString(LIMIT))));
        verifyNoInteractions(ingestor);
    }

    @Test
    void questionBodyOverTheLimitIsTooLarge() throws Exception {
        readiness(true, true);

        mvc.perform(post("/v1/queries").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"question\":\"" + "a".repeat(LIMIT) + "\"}"))
                .andExpect(problem(413, "too-large", "/v1/queries"));
        verifyNoInteractions(queries);
    }

    @Test
    void jsonBodyUnderTheLimitPasses() throws Exception {
        readiness(true, true);
        given(ingestor.ingest(anyList(), any())).willReturn(new IngestSummary(20, 20, 0));
        String body = factsOfSize(LIMIT - 100);

        mvc.perform(post("/v1/facts").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added").value(20));
    }

    @Test
    void importsStreamAndAreExemptFromTheBodyLimit() throws Exception {
        readiness(true, true);
        given(ingestor.importFile(any(), any(), any(), any())).willAnswer(call -> {
            long bytes = call.<InputStream>getArgument(0).readAllBytes().length;
            return new ImportSummary(bytes, 0, 0, List.of(), 0);
        });
        String file = "Ada Quill\tmother\tMira Quill\n".repeat(LIMIT / 10);

        mvc.perform(post("/v1/facts/import").contentType("text/tab-separated-values").content(file))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines").value(file.length()));
        verify(ingestor).importFile(any(), any(FactFormat.class), any(), any());
    }
}
