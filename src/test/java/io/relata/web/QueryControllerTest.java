package io.relata.web;

import static io.relata.web.ProblemMatchers.problem;
import static io.relata.web.ProblemMatchers.unavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.relata.TooLargeException;
import io.relata.facts.EntityRef;
import io.relata.lexicon.AnswerFilter;
import io.relata.lexicon.Direction;
import io.relata.lexicon.Reading;
import io.relata.lexicon.Step;
import io.relata.model.ModelStatus;
import io.relata.query.Answer;
import io.relata.query.Evidence;
import io.relata.query.FilterStatus;
import io.relata.query.MatchKind;
import io.relata.query.OverloadedException;
import io.relata.query.QueryRequest;
import io.relata.query.QueryResult;
import io.relata.query.QueryService;
import io.relata.query.QuestionNotUnderstoodException;
import io.relata.query.ResolvedEntity;
import io.relata.query.UnknownEntityException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

@WebMvcTest(controllers = QueryController.class, properties = {
        "relata.query.max-batch-size=3", "relata.query.max-limit=50"})
@Import(WebSliceConfig.class)
class QueryControllerTest {

    private static final EntityRef TOM = EntityRef.plain(1, "Tom Cruise");
    private static final EntityRef MARY = EntityRef.plain(2, "Mary Lee Pfeiffer");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QueryService queries;



    private static QueryResult mothersOfTom(String question) {
        Reading mother = Reading.of("mother", Direction.FORWARD);
        return new QueryResult(question, new ResolvedEntity(TOM, "Tom Cruise", MatchKind.EXACT), "mother",
                Direction.FORWARD, List.of(mother),
                List.of(new Answer(MARY, 1.0, Evidence.STATED, mother, FilterStatus.NONE)),
                ModelStatus.none(), false);
    }

    private static QueryResult sonsOfMary(String question) {
        AnswerFilter male = AnswerFilter.onAnswer("gender", "male");
        Reading viaMother = new Reading(List.of(new Step("mother", Direction.INVERSE)), Optional.of(male));
        Reading viaFather = new Reading(List.of(new Step("father", Direction.INVERSE)), Optional.of(male));
        return new QueryResult(question, new ResolvedEntity(MARY, "Mary Lee Pfeiffer", MatchKind.EXACT), "son",
                Direction.INVERSE, List.of(viaMother, viaFather),
                List.of(new Answer(TOM, 0.97, Evidence.STATED, viaMother, FilterStatus.SATISFIED)),
                ModelStatus.loaded("m-7", "cpu"), true);
    }

    private QueryRequest askedRequest() {
        ArgumentCaptor<QueryRequest> asked = ArgumentCaptor.forClass(QueryRequest.class);
        verify(queries).answer(asked.capture());
        return asked.getValue();
    }

    @Test
    void getAnswersAForwardQuestionWithDefaults() throws Exception {
        given(queries.answer(any())).willReturn(mothersOfTom("Who is Tom Cruise's mother?"));

        mvc.perform(get("/v1/queries").param("q", "Who is Tom Cruise's mother?"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.question").value("Who is Tom Cruise's mother?"))
                .andExpect(jsonPath("$.entity.id").value("1"))
                .andExpect(jsonPath("$.entity.label").value("Tom Cruise"))
                .andExpect(jsonPath("$.relation").value("mother"))
                .andExpect(jsonPath("$.direction").value("forward"))
                .andExpect(jsonPath("$.readings[0].relation").value("mother"))
                .andExpect(jsonPath("$.readings[0].direction").value("forward"))
                .andExpect(jsonPath("$.answers", hasSize(1)))
                .andExpect(jsonPath("$.answers[0].entity.label").value("Mary Lee Pfeiffer"))
                .andExpect(jsonPath("$.answers[0].confidence").value(1.0))
                .andExpect(jsonPath("$.answers[0].evidence").value("stated"))
                .andExpect(jsonPath("$.answers[0].reading.direction").value("forward"))
                .andExpect(jsonPath("$.model.loaded").value(false));

        QueryRequest request = askedRequest();
        assertThat(request.question()).isEqualTo("Who is Tom Cruise's mother?");
        assertThat(request.structured()).isFalse();
        assertThat(request.limit()).isEqualTo(10);
        assertThat(request.minConfidence()).isEqualTo(0.5);
        assertThat(request.evidence()).containsExactlyInAnyOrder(Evidence.STATED, Evidence.DERIVED, Evidence.INFERRED);
    }

    @Test
    void getPassesLimitMinConfidenceAndEvidenceParameters() throws Exception {
        given(queries.answer(any())).willReturn(mothersOfTom("Who is Tom Cruise's mother?"));

        mvc.perform(get("/v1/queries").param("q", "Who is Tom Cruise's mother?")
                        .param("limit", "3").param("minConfidence", "0.5").param("evidence", "stated"))
                .andExpect(status().isOk());

        QueryRequest request = askedRequest();
        assertThat(request.limit()).isEqualTo(3);
        assertThat(request.minConfidence()).isEqualTo(0.5);
        assertThat(request.evidence()).containsExactly(Evidence.STATED);
    }

    @Test
    void postAnswersAnInverseQuestionWithItsReadingsAndFilter() throws Exception {
        given(queries.answer(any())).willReturn(sonsOfMary("Who is Mary Lee Pfeiffer's son?"));

        mvc.perform(post("/v1/queries").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"question\":\"Who is Mary Lee Pfeiffer's son?\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.direction").value("inverse"))
                .andExpect(jsonPath("$.relation").value("son"))
                .andExpect(jsonPath("$.readings", hasSize(2)))
                .andExpect(jsonPath("$.readings[0].relation").value("mother"))
                .andExpect(jsonPath("$.readings[0].direction").value("inverse"))
                .andExpect(jsonPath("$.readings[0].filter.gender").value("male"))
                .andExpect(jsonPath("$.readings[1].relation").value("father"))
                .andExpect(jsonPath("$.answers[0].entity.label").value("Tom Cruise"))
                .andExpect(jsonPath("$.answers[0].confidence").value(0.97))
                .andExpect(jsonPath("$.answers[0].filter").value("satisfied"))
                .andExpect(jsonPath("$.answers[0].reading.relation").value("mother"))
                .andExpect(jsonPath("$.answers[0].reading.direction").value("inverse"))
                .andExpect(jsonPath("$.model.version").value("m-7"))
                .andExpect(jsonPath("$.model.device").value("cpu"));

        assertThat(askedRequest().question()).isEqualTo("Who is Mary Lee Pfeiffer's son?");
    }

    @Test
    void postPassesAStructuredQueryWithItsOptions() throws Exception {
        given(queries.answer(any())).willReturn(sonsOfMary(null));

        mvc.perform(post("/v1/queries").contentType(MediaType.APPLICATION_JSON).content("""
                        {"entity":"Mary Lee Pfeiffer","relation":"mother","direction":"inverse",
                         "limit":5,"minConfidence":0.25,"evidence":["stated"]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.direction").value("inverse"));

        QueryRequest request = askedRequest();
        assertThat(request.structured()).isTrue();
        assertThat(request.entity()).isEqualTo("Mary Lee Pfeiffer");
        assertThat(request.relation()).isEqualTo("mother");
        assertThat(request.direction()).isEqualTo(Direction.INVERSE);
        assertThat(request.limit()).isEqualTo(5);
        assertThat(request.minConfidence()).isEqualTo(0.25);
        assertThat(request.evidence()).isEqualTo(Set.copyOf(EnumSet.of(Evidence.STATED)));
    }

    @Test
    void batchAnswersInOrderAndOneFailingQueryDoesNotFailTheOthers() throws Exception {
        given(queries.answer(argThat(r -> r != null && "Who is Tom Cruise's mother?".equals(r.question()))))
                .willReturn(mothersOfTom("Who is Tom Cruise's mother?"));
        given(queries.answer(argThat(r -> r != null && "Who is Nobody's mother?".equals(r.question()))))
                .willThrow(new UnknownEntityException("Nobody", List.of(EntityRef.plain(9, "Noboddy")), false));
        given(queries.answer(argThat(r -> r != null && "Whose mother is Mary Lee Pfeiffer?".equals(r.question()))))
                .willReturn(sonsOfMary("Whose mother is Mary Lee Pfeiffer?"));

        mvc.perform(post("/v1/queries/batch").contentType(MediaType.APPLICATION_JSON).content("""
                        {"queries":[{"question":"Who is Tom Cruise's mother?"},
                                    {"question":"Who is Nobody's mother?"},
                                    {"question":"Whose mother is Mary Lee Pfeiffer?"}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results", hasSize(3)))
                .andExpect(jsonPath("$.results[0].status").value(200))
                .andExpect(jsonPath("$.results[0].result.question").value("Who is Tom Cruise's mother?"))
                .andExpect(jsonPath("$.results[0].result.direction").value("forward"))
                .andExpect(jsonPath("$.results[0].problem").doesNotExist())
                .andExpect(jsonPath("$.results[1].status").value(404))
                .andExpect(jsonPath("$.results[1].result").doesNotExist())
                .andExpect(jsonPath("$.results[1].problem.type").value("https://relata.io/problems/unknown-entity"))
                .andExpect(jsonPath("$.results[1].problem.status").value(404))
                .andExpect(jsonPath("$.results[1].problem.instance").value("/v1/queries/batch"))
                .andExpect(jsonPath("$.results[1].problem.candidates[0].label").value("Noboddy"))
                .andExpect(jsonPath("$.results[2].status").value(200))
                .andExpect(jsonPath("$.results[2].result.question").value("Whose mother is Mary Lee Pfeiffer?"))
                .andExpect(jsonPath("$.results[2].result.direction").value("inverse"));
    }

    @Test
    void batchItemWithInvalidOptionsCarriesA400AndTheRestAreAnswered() throws Exception {
        given(queries.answer(any())).willReturn(mothersOfTom("Who is Tom Cruise's mother?"));

        mvc.perform(post("/v1/queries/batch").contentType(MediaType.APPLICATION_JSON).content("""
                        {"queries":[{"question":"Who is Tom Cruise's mother?","limit":0},
                                    {"question":"Who is Tom Cruise's mother?"}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].status").value(400))
                .andExpect(jsonPath("$.results[0].problem.type").value("https://relata.io/problems/invalid-request"))
                .andExpect(jsonPath("$.results[0].problem.detail").value(containsString("limit")))
                .andExpect(jsonPath("$.results[1].status").value(200))
                .andExpect(jsonPath("$.results[1].result.answers[0].entity.label").value("Mary Lee Pfeiffer"));
    }

    @Test
    void batchNullQueryCarriesA400NamingItsPosition() throws Exception {
        given(queries.answer(any())).willReturn(mothersOfTom("Who is Tom Cruise's mother?"));

        mvc.perform(post("/v1/queries/batch").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"queries\":[{\"question\":\"Who is Tom Cruise's mother?\"},null]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].status").value(200))
                .andExpect(jsonPath("$.results[1].status").value(400))
                .andExpect(jsonPath("$.results[1].problem.detail").value("query 1 is null"));
    }

    @Test
    void batchOverTheLimitIsTooLargeAndNothingIsAnswered() throws Exception {
        mvc.perform(post("/v1/queries/batch").contentType(MediaType.APPLICATION_JSON).content("""
                        {"queries":[{"question":"a"},{"question":"b"},{"question":"c"},{"question":"d"}]}"""))
                .andExpect(problem(413, "too-large", "/v1/queries/batch"))
                .andExpect(jsonPath("$.detail").value(containsString("at most 3")));
        verifyNoInteractions(queries);
    }

    @Test
    void batchWithoutQueriesIsInvalid() throws Exception {
        mvc.perform(post("/v1/queries/batch").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(problem(400, "invalid-request", "/v1/queries/batch"));
        verifyNoInteractions(queries);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"question\":\"Who is Tom Cruise's mother?\",\"limit\":0}",
            "{\"question\":\"Who is Tom Cruise's mother?\",\"limit\":-3}",
            "{\"question\":\"Who is Tom Cruise's mother?\",\"limit\":51}",
            "{\"question\":\"Who is Tom Cruise's mother?\",\"minConfidence\":1.5}",
            "{\"question\":\"Who is Tom Cruise's mother?\",\"minConfidence\":-0.1}",
            "{\"question\":\"Who is Tom Cruise's mother?\",\"evidence\":[\"rumoured\"]}",
            "{\"question\":\"Who is Tom Cruise's mother?\",\"evidence\":[]}",
            "{\"entity\":\"Tom Cruise\",\"relation\":\"mother\",\"direction\":\"sideways\"}",
            "{\"entity\":\"Tom Cruise\",\"relation\":\"mother\",\"direction\":\"mixed\"}",
            "{\"question\":\"Who is Tom Cruise's mother?\",\"entity\":\"Tom Cruise\"}",
            "{\"entity\":\"Tom Cruise\"}",
            "{\"question\":\"   \"}",
            "{}"
    })
    void postWithBadOptionsOrFormIsInvalidAndNotAsked(String body) throws Exception {
        mvc.perform(post("/v1/queries").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(problem(400, "invalid-request", "/v1/queries"))
                .andExpect(jsonPath("$.detail").isNotEmpty());
        verifyNoInteractions(queries);
    }

    @Test
    void bothQuestionAndEntityIsInvalidAndSaysSo() throws Exception {
        mvc.perform(post("/v1/queries").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"question\":\"Who is Tom Cruise's mother?\",\"entity\":\"Tom Cruise\",\"relation\":\"mother\"}"))
                .andExpect(problem(400, "invalid-request", "/v1/queries"))
                .andExpect(jsonPath("$.detail").value(containsString("not both")));
        verifyNoInteractions(queries);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=many", "minConfidence=2", "minConfidence=high", "evidence=hearsay"})
    void getWithBadParametersIsInvalidAndNotAsked(String parameter) throws Exception {
        String[] nameValue = parameter.split("=");
        mvc.perform(get("/v1/queries").param("q", "Who is Tom Cruise's mother?").param(nameValue[0], nameValue[1]))
                .andExpect(problem(400, "invalid-request", "/v1/queries"));
        verifyNoInteractions(queries);
    }

    @Test
    void getWithoutAQuestionIsInvalid() throws Exception {
        mvc.perform(get("/v1/queries"))
                .andExpect(problem(400, "invalid-request", "/v1/queries"));
        verifyNoInteractions(queries);
    }

    @Test
    void malformedJsonIsInvalidAndSaysWhereWithoutParserInternals() throws Exception {
        mvc.perform(post("/v1/queries").contentType(MediaType.APPLICATION_JSON).content("{\"question\": \"Who is"))
                .andExpect(problem(400, "invalid-request", "/v1/queries"))
                .andExpect(jsonPath("$.detail").value("the body is not valid JSON: Unexpected end-of-input in VALUE_STRING"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString("tools.jackson"))));
        verifyNoInteractions(queries);
    }

    @Test
    void unknownEntityIsNotFoundWithCandidates() throws Exception {
        given(queries.answer(any())).willThrow(new UnknownEntityException("Tom Cruse",
                List.of(EntityRef.plain(1, "Tom Cruise"), EntityRef.plain(5, "Tom Hanks")), false));

        mvc.perform(get("/v1/queries").param("q", "Who is Tom Cruse's mother?"))
                .andExpect(problem(404, "unknown-entity", "/v1/queries"))
                .andExpect(jsonPath("$.mention").value("Tom Cruse"))
                .andExpect(jsonPath("$.candidates", hasSize(2)))
                .andExpect(jsonPath("$.candidates[0].id").value("1"))
                .andExpect(jsonPath("$.candidates[0].label").value("Tom Cruise"))
                .andExpect(jsonPath("$.candidates[1].label").value("Tom Hanks"));
    }

    @Test
    void ambiguousEntityIsNotFoundWithItsOwnType() throws Exception {
        given(queries.answer(any())).willThrow(new UnknownEntityException("Cruise",
                List.of(EntityRef.plain(1, "Tom Cruise"), EntityRef.plain(3, "Suri Cruise")), true));

        mvc.perform(post("/v1/queries").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entity\":\"Cruise\",\"relation\":\"mother\"}"))
                .andExpect(problem(404, "ambiguous-entity", "/v1/queries"))
                .andExpect(jsonPath("$.candidates", hasSize(2)));
    }

    @Test
    void questionNotUnderstoodIsUnprocessableWithWhatWasUnderstood() throws Exception {
        given(queries.answer(any())).willThrow(new QuestionNotUnderstoodException(
                "unknown relation phrase 'godmother'", "Tom Cruise", "godmother"));

        mvc.perform(get("/v1/queries").param("q", "Who is Tom Cruise's godmother?"))
                .andExpect(problem(422, "question-not-understood", "/v1/queries"))
                .andExpect(jsonPath("$.understood.entity").value("Tom Cruise"))
                .andExpect(jsonPath("$.understood.relation").value("godmother"));
    }

    @Test
    void questionTooLongIsTooLarge() throws Exception {
        given(queries.answer(any())).willThrow(new TooLargeException("the question has 5000 characters; at most 1000 are read"));

        mvc.perform(post("/v1/queries").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"question\":\"" + "why ".repeat(1250) + "\"}"))
                .andExpect(problem(413, "too-large", "/v1/queries"))
                .andExpect(jsonPath("$.detail").value(containsString("at most 1000")));
    }

    @Test
    void overloadedIsUnavailableWithRetryAfter() throws Exception {
        given(queries.answer(any())).willThrow(new OverloadedException());

        mvc.perform(get("/v1/queries").param("q", "Who is Tom Cruise's mother?"))
                .andExpect(unavailable("overloaded", "/v1/queries"));
    }

    @Test
    void unexpectedFailureIsAnInternalProblemThatRevealsNothing() throws Exception {
        given(queries.answer(any())).willThrow(new IllegalStateException("connection pool exhausted at db-7"));

        mvc.perform(get("/v1/queries").param("q", "Who is Tom Cruise's mother?"))
                .andExpect(problem(500, "internal", "/v1/queries"))
                .andExpect(content().string(not(containsString("db-7"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    @Test
    void wrongMethodIsAProblem() throws Exception {
        mvc.perform(delete("/v1/queries"))
                .andExpect(problem(405, "method-not-allowed", "/v1/queries"));
    }
}
