package io.relata.web;

import static io.relata.web.ProblemMatchers.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.relata.facts.EntityRef;
import io.relata.facts.FactIngestor;
import io.relata.facts.IngestSummary;
import io.relata.lexicon.Direction;
import io.relata.lexicon.Reading;
import io.relata.model.ModelStatus;
import io.relata.query.MatchKind;
import io.relata.query.QueryResult;
import io.relata.query.QueryService;
import io.relata.query.ResolvedEntity;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Bearer API keys: reads need a read or write key, writes a write key; otherwise 401/403 and nothing changes. */
@WebMvcTest(controllers = {QueryController.class, FactController.class}, properties = {
        "relata.security.enabled=true", "relata.security.read-keys=reader-key", "relata.security.write-keys=writer-key"})
@Import(WebSliceConfig.class)
class ApiKeyGuardTest {

    private static final String FACTS = "[{\"subject\":\"Ada Quill\",\"relation\":\"mother\",\"object\":\"Mira Quill\"}]";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QueryService queries;

    @MockitoBean
    FactIngestor ingestor;


    @BeforeEach
    void ready() {
        given(queries.answer(any())).willReturn(new QueryResult("Who is Ada Quill's mother?",
                new ResolvedEntity(new EntityRef(1, "Ada Quill"), "Ada Quill", MatchKind.EXACT), "mother",
                Direction.FORWARD, List.of(Reading.of("mother", Direction.FORWARD)), List.of(), ModelStatus.none(), false));
        given(ingestor.ingest(anyList(), anyString())).willReturn(new IngestSummary(1, 1, 0));
    }

    private static MockHttpServletRequestBuilder addFacts() {
        return post("/v1/facts").contentType(MediaType.APPLICATION_JSON).content(FACTS);
    }

    @Test
    void aQuestionWithoutAKeyIsUnauthorized() throws Exception {
        mvc.perform(get("/v1/queries").param("q", "Who is Ada Quill's mother?"))
                .andExpect(problem(401, "unauthorized", "/v1/queries"))
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"relata\""));
        verifyNoInteractions(queries);
    }

    @Test
    void aWrongKeyIsUnauthorized() throws Exception {
        mvc.perform(get("/v1/queries").param("q", "Who is Ada Quill's mother?").header("Authorization", "Bearer guess"))
                .andExpect(problem(401, "unauthorized", "/v1/queries"));
        verifyNoInteractions(queries);
    }

    @Test
    void aReadKeyMayAskByGetAndByPost() throws Exception {
        mvc.perform(get("/v1/queries").param("q", "Who is Ada Quill's mother?").header("Authorization", "Bearer reader-key"))
                .andExpect(status().isOk());
        mvc.perform(post("/v1/queries").header("Authorization", "Bearer reader-key")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"question\":\"Who is Ada Quill's mother?\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void aReadKeyMayNotWriteAndNothingIsStored() throws Exception {
        mvc.perform(addFacts().header("Authorization", "Bearer reader-key"))
                .andExpect(problem(403, "forbidden", "/v1/facts"));
        verifyNoInteractions(ingestor);
    }

    @Test
    void writesWithoutAKeyAreUnauthorizedAndNothingIsStored() throws Exception {
        mvc.perform(addFacts()).andExpect(problem(401, "unauthorized", "/v1/facts"));
        verifyNoInteractions(ingestor);
    }

    @Test
    void aWriteKeyMayWriteAndRead() throws Exception {
        mvc.perform(addFacts().header("Authorization", "Bearer writer-key")).andExpect(status().isOk());
        mvc.perform(get("/v1/queries").param("q", "Who is Ada Quill's mother?").header("Authorization", "bearer writer-key"))
                .andExpect(status().isOk());
    }
}
