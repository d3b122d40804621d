package io.relata.web;

import static io.relata.web.ProblemMatchers.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.relata.InvalidInputException;
import io.relata.lexicon.AnswerFilter;
import io.relata.lexicon.Direction;
import io.relata.lexicon.Lexicon;
import io.relata.lexicon.LexiconConflictException;
import io.relata.lexicon.Reading;
import io.relata.lexicon.RelationInfo;
import io.relata.lexicon.Step;
import io.relata.lexicon.UnknownLexiconEntryException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

@WebMvcTest(LexiconController.class)
@Import(WebSliceConfig.class)
class LexiconControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Lexicon lexicon;



    @Test
    void listsRelationsAndPhrasesWithTheirReadings() throws Exception {
        AnswerFilter male = AnswerFilter.onAnswer("gender", "male");
        given(lexicon.relations()).willReturn(List.of(
                new RelationInfo("mother", false, "the subject's mother", "builtin"),
                new RelationInfo("spouse", true, null, "builtin")));
        given(lexicon.phrases()).willReturn(Map.of(
                "son", List.of(new Reading(List.of(new Step("mother", Direction.INVERSE)), Optional.of(male))),
                "grandmother", List.of(new Reading(List.of(new Step("mother", Direction.FORWARD),
                        new Step("mother", Direction.FORWARD)), Optional.empty()))));

        mvc.perform(get("/v1/lexicon"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.relations", hasSize(2)))
                .andExpect(jsonPath("$.relations[0].name").value("mother"))
                .andExpect(jsonPath("$.relations[0].symmetric").value(false))
                .andExpect(jsonPath("$.relations[1].name").value("spouse"))
                .andExpect(jsonPath("$.relations[1].symmetric").value(true))
                .andExpect(jsonPath("$.phrases.son[0].relation").value("mother"))
                .andExpect(jsonPath("$.phrases.son[0].direction").value("inverse"))
                .andExpect(jsonPath("$.phrases.son[0].filter.gender").value("male"))
                .andExpect(jsonPath("$.phrases.grandmother[0].relation").value("mother/mother"))
                .andExpect(jsonPath("$.phrases.grandmother[0].direction").value("forward"))
                .andExpect(jsonPath("$.phrases.grandmother[0].path", hasSize(2)));
    }

    @Test
    void declaresARelationWithItsPhrasesAndConversePhrases() throws Exception {
        given(lexicon.declare(any(), anyList(), anyList())).willReturn(3);

        mvc.perform(post("/v1/lexicon/relations").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name":" director ","description":"who directed the film",
                         "phrases":["director"],"conversePhrases":["directed by","films directed by"]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.readingsAdded").value(3));

        verify(lexicon).declare(new RelationInfo("director", false, "who directed the film", "user"),
                List.of("director"), List.of("directed by", "films directed by"));
    }

    @Test
    void declaresASymmetricRelationWithoutPhrases() throws Exception {
        given(lexicon.declare(any(), anyList(), anyList())).willReturn(0);

        mvc.perform(post("/v1/lexicon/relations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"cousin\",\"symmetric\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.readingsAdded").value(0));

        verify(lexicon).declare(new RelationInfo("cousin", true, null, "user"), List.of(), List.of());
    }

    @Test
    void redeclaringARelationWithoutSayingSymmetricKeepsItsSymmetry() throws Exception {
        given(lexicon.relation("spouse")).willReturn(Optional.of(new RelationInfo("spouse", true, "married", "builtin")));
        given(lexicon.declare(any(), anyList(), anyList())).willReturn(1);

        mvc.perform(post("/v1/lexicon/relations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"spouse\",\"phrases\":[\"consort\"]}"))
                .andExpect(status().isOk());

        verify(lexicon).declare(new RelationInfo("spouse", true, null, "user"), List.of("consort"), List.of());
    }

    @Test
    void redeclaringARelationCanChangeItsSymmetryOnPurpose() throws Exception {
        given(lexicon.relation("spouse")).willReturn(Optional.of(new RelationInfo("spouse", true, "married", "builtin")));
        given(lexicon.declare(any(), anyList(), anyList())).willReturn(0);

        mvc.perform(post("/v1/lexicon/relations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"spouse\",\"symmetric\":false}"))
                .andExpect(status().isOk());

        verify(lexicon).declare(new RelationInfo("spouse", false, null, "user"), List.of(), List.of());
    }

    @Test
    void relationWithoutANameIsInvalid() throws Exception {
        mvc.perform(post("/v1/lexicon/relations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phrases\":[\"director\"]}"))
                .andExpect(problem(400, "invalid-request", "/v1/lexicon/relations"))
                .andExpect(jsonPath("$.detail").value(containsString("name")));
        verifyNoInteractions(lexicon);
    }

    @Test
    void relationTheLexiconRefusesIsInvalid() throws Exception {
        given(lexicon.declare(any(), anyList(), anyList()))
                .willThrow(new InvalidInputException("phrase must not contain control characters"));

        mvc.perform(post("/v1/lexicon/relations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"director\",\"phrases\":[\"dir\\u0007ector\"]}"))
                .andExpect(problem(400, "invalid-request", "/v1/lexicon/relations"))
                .andExpect(jsonPath("$.detail").value("phrase must not contain control characters"));
    }

    @Test
    void malformedRelationBodyIsInvalid() throws Exception {
        mvc.perform(post("/v1/lexicon/relations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"director\",\"phrases\":\"director\"}"))
                .andExpect(problem(400, "invalid-request", "/v1/lexicon/relations"));
        verifyNoInteractions(lexicon);
    }

    @Test
    void addsAPhraseWithAComposedReadingAndAFilter() throws Exception {
        given(lexicon.addPhrase(anyString(), anyList(), anyString())).willReturn(1);

        mvc.perform(post("/v1/lexicon/phrases").contentType(MediaType.APPLICATION_JSON).content("""
                        {"phrase":"stepson","readings":[{"path":[{"relation":"spouse","direction":"symmetric"},
                         {"relation":"mother","direction":"inverse"}],"filter":{"gender":" male "}}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.readingsAdded").value(1));

        verify(lexicon).addPhrase("stepson", List.of(new Reading(
                List.of(new Step("spouse", Direction.SYMMETRIC), new Step("mother", Direction.INVERSE)),
                Optional.of(AnswerFilter.onAnswer("gender", "male")))), "user");
    }

    @Test
    void aSingleStepReadingDefaultsToForward() throws Exception {
        given(lexicon.addPhrase(anyString(), anyList(), anyString())).willReturn(1);

        mvc.perform(post("/v1/lexicon/phrases").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phrase\":\"mama\",\"readings\":[{\"relation\":\"mother\"}]}"))
                .andExpect(status().isOk());

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Reading>> readings = ArgumentCaptor.forClass(List.class);
        verify(lexicon).addPhrase(eq("mama"), readings.capture(), eq("user"));
        assertThat(readings.getValue()).containsExactly(Reading.of("mother", Direction.FORWARD));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"readings\":[{\"relation\":\"mother\"}]}",
            "{\"phrase\":\"mama\"}",
            "{\"phrase\":\"mama\",\"readings\":[null]}",
            "{\"phrase\":\"mama\",\"readings\":[{\"direction\":\"forward\"}]}",
            "{\"phrase\":\"mama\",\"readings\":[{\"relation\":\"mother\",\"direction\":\"sideways\"}]}",
            "{\"phrase\":\"mama\",\"readings\":[{\"relation\":\"mother\",\"direction\":\"mixed\"}]}",
            "{\"phrase\":\"mama\",\"readings\":[{\"path\":[{\"relation\":\"mother\"},null]}]}",
            "{\"phrase\":\"mama\",\"readings\":[{\"relation\":\"mother\",\"filter\":{\"gender\":\"female\",\"born\":\"1900\"}}]}",
            "{\"phrase\":\"mama\",\"readings\":[{\"relation\":\"mother\",\"filter\":{\"gender\":\" \"}}]}"
    })
    void malformedPhraseIsInvalidAndTheLexiconIsNotTouched(String body) throws Exception {
        mvc.perform(post("/v1/lexicon/phrases").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(problem(400, "invalid-request", "/v1/lexicon/phrases"))
                .andExpect(jsonPath("$.detail").isNotEmpty());
        verifyNoInteractions(lexicon);
    }

    @Test
    void phraseOverAnUnknownRelationIsInvalid() throws Exception {
        given(lexicon.addPhrase(anyString(), anyList(), anyString())).willThrow(new InvalidInputException(
                "unknown relation 'godparent': declare it or ingest a fact with it first"));

        mvc.perform(post("/v1/lexicon/phrases").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phrase\":\"godmother\",\"readings\":[{\"relation\":\"godparent\"}]}"))
                .andExpect(problem(400, "invalid-request", "/v1/lexicon/phrases"))
                .andExpect(jsonPath("$.detail").value(containsString("godparent")));
    }

    @Test
    void aFieldWithAControlCharacterIsRefusedByItsPathBeforeTheLexicon() throws Exception {
        mvc.perform(post("/v1/lexicon/phrases").contentType(MediaType.APPLICATION_JSON).content("""
                        {"phrase":"stepson","readings":[{"relation":"mother"},{"path":[{"relation":"spouse"},
                         {"relation":"mo\\u0000ther"}]}]}"""))
                .andExpect(problem(400, "invalid-request", "/v1/lexicon/phrases"))
                .andExpect(jsonPath("$.detail").value("readings[1].path[1].relation contains a control character U+0000 at character 3"));
        verifyNoInteractions(lexicon);
    }

    @Test
    void moreReadingsThanAPhraseMayHaveIsTooLarge() throws Exception {
        String readings = String.join(",", java.util.Collections.nCopies(Lexicon.MAX_READINGS_PER_PHRASE + 1, "{\"relation\":\"mother\"}"));

        mvc.perform(post("/v1/lexicon/phrases").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phrase\":\"mama\",\"readings\":[" + readings + "]}"))
                .andExpect(problem(413, "too-large", "/v1/lexicon/phrases"));
        verifyNoInteractions(lexicon);
    }

    @Test
    void listsAPhrasesReadingsWithTheirIds() throws Exception {
        given(lexicon.storedReadings("mother")).willReturn(List.of(
                new Lexicon.StoredReading(7, Reading.of("mother", Direction.FORWARD), "builtin"),
                new Lexicon.StoredReading(42, Reading.of("father", Direction.FORWARD), "user")));

        mvc.perform(get("/v1/lexicon/phrases/mother"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phrase").value("mother"))
                .andExpect(jsonPath("$.readings[1].id").value(42))
                .andExpect(jsonPath("$.readings[1].origin").value("user"))
                .andExpect(jsonPath("$.readings[1].reading.relation").value("father"));
    }

    @Test
    void deletesOneReadingOfAPhrase() throws Exception {
        given(lexicon.deleteReading("mother", 42)).willReturn(new Lexicon.DeleteSummary(0, 1));

        mvc.perform(delete("/v1/lexicon/phrases/mother/readings/42"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.readingsDeleted").value(1));
    }

    @Test
    void deletesAPhraseWithSpacesInItsName() throws Exception {
        given(lexicon.deletePhrase("directed by")).willReturn(new Lexicon.DeleteSummary(0, 2));

        mvc.perform(delete("/v1/lexicon/phrases/{phrase}", "directed by"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.readingsDeleted").value(2));
    }

    @Test
    void deletingAnUnknownPhraseIsNotFound() throws Exception {
        given(lexicon.deletePhrase("nonsense")).willThrow(new UnknownLexiconEntryException("phrase", "no phrase 'nonsense'"));

        mvc.perform(delete("/v1/lexicon/phrases/nonsense"))
                .andExpect(problem(404, "unknown-phrase", "/v1/lexicon/phrases/nonsense"));
    }

    @Test
    void deletingARelationThatFactsUseIsAConflict() throws Exception {
        given(lexicon.deleteRelation("mother")).willThrow(new LexiconConflictException("relation-in-use", "facts use it"));

        mvc.perform(delete("/v1/lexicon/relations/mother"))
                .andExpect(problem(409, "relation-in-use", "/v1/lexicon/relations/mother"));
    }

    @Test
    void readingIdThatIsNotANumberIsInvalid() throws Exception {
        mvc.perform(delete("/v1/lexicon/phrases/mother/readings/first"))
                .andExpect(problem(400, "invalid-request", "/v1/lexicon/phrases/mother/readings/first"));
        verifyNoInteractions(lexicon);
    }

    @Test
    void restoringTheDefaultsDropsUserAdditionsUnlessAskedToKeepThem() throws Exception {
        given(lexicon.restoreDefaults(false)).willReturn(new Lexicon.RestoreSummary(3, 2, 1));
        given(lexicon.restoreDefaults(true)).willReturn(new Lexicon.RestoreSummary(3, 0, 0));

        mvc.perform(post("/v1/lexicon/restore-defaults"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userReadingsDeleted").value(2));
        mvc.perform(post("/v1/lexicon/restore-defaults").param("keepUserAdditions", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userReadingsDeleted").value(0));
    }
}
