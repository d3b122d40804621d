package io.relata.web;

import static io.relata.web.ProblemMatchers.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.relata.InvalidInputException;
import io.relata.facts.EntityRef;
import io.relata.facts.FactIngestor;
import io.relata.query.EntityResolver;
import io.relata.query.MatchKind;
import io.relata.query.ResolvedEntity;
import io.relata.query.UnknownEntityException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(EntityController.class)
@Import(WebSliceConfig.class)
class EntityControllerTest {

    private static final EntityRef TOM = EntityRef.plain(1, "Tom Cruise");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    EntityResolver resolver;

    @MockitoBean
    FactIngestor ingestor;



    @Test
    void resolvesAMentionAndSaysHowItMatched() throws Exception {
        given(resolver.resolve("tom cruise")).willReturn(new ResolvedEntity(TOM, "tom cruise", MatchKind.FOLDED));

        mvc.perform(get("/v1/entities/resolve").param("q", "tom cruise"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entity.id").value("1"))
                .andExpect(jsonPath("$.entity.label").value("Tom Cruise"))
                .andExpect(jsonPath("$.resolution.mention").value("tom cruise"))
                .andExpect(jsonPath("$.resolution.match").value("folded"));
    }

    @Test
    void unknownMentionIsNotFoundWithCandidates() throws Exception {
        given(resolver.resolve("Tom Cruse")).willThrow(new UnknownEntityException("Tom Cruse",
                List.of(TOM, EntityRef.plain(4, "Tom Hanks")), false));

        mvc.perform(get("/v1/entities/resolve").param("q", "Tom Cruse"))
                .andExpect(problem(404, "unknown-entity", "/v1/entities/resolve"))
                .andExpect(jsonPath("$.mention").value("Tom Cruse"))
                .andExpect(jsonPath("$.candidates", hasSize(2)))
                .andExpect(jsonPath("$.candidates[0].id").value("1"))
                .andExpect(jsonPath("$.candidates[0].label").value("Tom Cruise"));
    }

    @Test
    void unknownMentionWithNothingCloseHasAnEmptyCandidateList() throws Exception {
        given(resolver.resolve("Zzyzx")).willThrow(new UnknownEntityException("Zzyzx", List.of(), false));

        mvc.perform(get("/v1/entities/resolve").param("q", "Zzyzx"))
                .andExpect(problem(404, "unknown-entity", "/v1/entities/resolve"))
                .andExpect(jsonPath("$.candidates", hasSize(0)));
    }

    @Test
    void ambiguousMentionIsNotFoundWithItsOwnType() throws Exception {
        given(resolver.resolve("Cruise")).willThrow(new UnknownEntityException("Cruise",
                List.of(TOM, EntityRef.plain(3, "Suri Cruise")), true));

        mvc.perform(get("/v1/entities/resolve").param("q", "Cruise"))
                .andExpect(problem(404, "ambiguous-entity", "/v1/entities/resolve"))
                .andExpect(jsonPath("$.candidates", hasSize(2)));
    }

    @Test
    void blankMentionIsInvalid() throws Exception {
        mvc.perform(get("/v1/entities/resolve").param("q", "  "))
                .andExpect(problem(400, "invalid-request", "/v1/entities/resolve"));
        verifyNoInteractions(resolver);
    }

    @Test
    void missingMentionIsInvalid() throws Exception {
        mvc.perform(get("/v1/entities/resolve"))
                .andExpect(problem(400, "invalid-request", "/v1/entities/resolve"));
        verifyNoInteractions(resolver);
    }

    @Test
    void overlongMentionIsInvalidAndNamesTheParameter() throws Exception {
        mvc.perform(get("/v1/entities/resolve").param("q", "x".repeat(501)))
                .andExpect(problem(400, "invalid-request", "/v1/entities/resolve"))
                .andExpect(jsonPath("$.detail").value("q is longer than 500 characters"));
        verifyNoInteractions(resolver);
    }

    @Test
    void addsAnAliasToTheResolvedEntity() throws Exception {
        given(resolver.resolve("Tom Cruise")).willReturn(new ResolvedEntity(TOM, "Tom Cruise", MatchKind.EXACT));
        given(ingestor.addAlias(1L, "Thomas Mapother IV")).willReturn(true);

        mvc.perform(post("/v1/entities/aliases").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entity\":\"Tom Cruise\",\"alias\":\" Thomas Mapother IV \"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entity.id").value("1"))
                .andExpect(jsonPath("$.entity.label").value("Tom Cruise"))
                .andExpect(jsonPath("$.alias").value("Thomas Mapother IV"))
                .andExpect(jsonPath("$.added").value(true));
    }

    @Test
    void aliasTheEntityAlreadyHasIsNotAddedAgain() throws Exception {
        given(resolver.resolve("Tom Cruise")).willReturn(new ResolvedEntity(TOM, "Tom Cruise", MatchKind.EXACT));
        given(ingestor.addAlias(1L, "TC")).willReturn(false);

        mvc.perform(post("/v1/entities/aliases").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entity\":\"Tom Cruise\",\"alias\":\"TC\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added").value(false));
    }

    @Test
    void aliasForAnUnknownEntityIsNotFoundAndNothingIsAdded() throws Exception {
        given(resolver.resolve("Nobody")).willThrow(new UnknownEntityException("Nobody", List.of(), false));

        mvc.perform(post("/v1/entities/aliases").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entity\":\"Nobody\",\"alias\":\"N\"}"))
                .andExpect(problem(404, "unknown-entity", "/v1/entities/aliases"));
        verify(ingestor, never()).addAlias(anyLong(), anyString());
    }

    @Test
    void aliasWithoutAnAliasIsInvalidAndNothingIsAdded() throws Exception {
        given(resolver.resolve("Tom Cruise")).willReturn(new ResolvedEntity(TOM, "Tom Cruise", MatchKind.EXACT));

        mvc.perform(post("/v1/entities/aliases").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entity\":\"Tom Cruise\"}"))
                .andExpect(problem(400, "invalid-request", "/v1/entities/aliases"))
                .andExpect(jsonPath("$.detail").value(containsString("alias")));
        verifyNoInteractions(ingestor);
    }

    @Test
    void aliasWithoutAnEntityIsInvalid() throws Exception {
        mvc.perform(post("/v1/entities/aliases").contentType(MediaType.APPLICATION_JSON).content("{\"alias\":\"TC\"}"))
                .andExpect(problem(400, "invalid-request", "/v1/entities/aliases"))
                .andExpect(jsonPath("$.detail").value(containsString("entity")));
        verifyNoInteractions(resolver, ingestor);
    }

    @Test
    void aliasWithAnInvisibleCharacterIsRefusedNamingTheField() throws Exception {
        given(resolver.resolve("Tom Cruise")).willReturn(new ResolvedEntity(TOM, "Tom Cruise", MatchKind.EXACT));

        mvc.perform(post("/v1/entities/aliases").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entity\":\"Tom Cruise\",\"alias\":\"T\\u200bC\"}"))
                .andExpect(problem(400, "invalid-request", "/v1/entities/aliases"))
                .andExpect(jsonPath("$.detail").value("alias contains an invisible format character U+200B at character 2"));
        verifyNoInteractions(ingestor);
    }

    @Test
    void aliasTheIngestorRefusesIsInvalid() throws Exception {
        given(resolver.resolve("Tom Cruise")).willReturn(new ResolvedEntity(TOM, "Tom Cruise", MatchKind.EXACT));
        given(ingestor.addAlias(1L, "TC")).willThrow(new InvalidInputException("alias is longer than 10 characters"));

        mvc.perform(post("/v1/entities/aliases").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entity\":\"Tom Cruise\",\"alias\":\"TC\"}"))
                .andExpect(problem(400, "invalid-request", "/v1/entities/aliases"))
                .andExpect(jsonPath("$.detail").value("alias is longer than 10 characters"));
    }
}
