package io.relata.web;

import static io.relata.web.ProblemMatchers.problem;
import static io.relata.web.ProblemMatchers.unavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.relata.InvalidInputException;
import io.relata.TooLargeException;
import io.relata.facts.FactFormat;
import io.relata.facts.FactIngestor;
import io.relata.imports.KnowledgeImporter;
import io.relata.facts.FactInput;
import io.relata.facts.HeaderLine;
import io.relata.facts.ImportFailedException;
import io.relata.facts.ImportSummary;
import io.relata.facts.IngestSummary;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(FactController.class)
@Import(WebSliceConfig.class)
class FactControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    FactIngestor ingestor;

    @MockitoBean
    KnowledgeImporter importer;



    @SuppressWarnings("unchecked")
    private List<FactInput> ingested(String source) {
        ArgumentCaptor<List<FactInput>> facts = ArgumentCaptor.forClass(List.class);
        verify(ingestor).ingest(facts.capture(), eq(source));
        return facts.getValue();
    }

    @Test
    void postingFactsAnswersTheSummary() throws Exception {
        given(ingestor.ingest(anyList(), any())).willReturn(new IngestSummary(2, 1, 1));

        mvc.perform(post("/v1/facts").contentType(MediaType.APPLICATION_JSON).content("""
                        [{"subject":"Ada Quill","relation":"mother","object":"Mira Quill"},
                         {"subject":"Ada Quill","relation":"gender","object":"female"}]"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.received").value(2))
                .andExpect(jsonPath("$.added").value(1))
                .andExpect(jsonPath("$.duplicates").value(1));

        assertThat(ingested("api")).containsExactly(
                new FactInput("Ada Quill", "mother", "Mira Quill"),
                new FactInput("Ada Quill", "gender", "female"));
    }

    @Test
    void sourceParameterIsPassedOn() throws Exception {
        given(ingestor.ingest(anyList(), any())).willReturn(new IngestSummary(0, 0, 0));

        mvc.perform(post("/v1/facts").param("source", "wiki:2024-05").contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.received").value(0));

        assertThat(ingested("wiki:2024-05")).isEmpty();
    }

    @Test
    void missingFieldsArePassedOnAsNullForTheIngestorToJudge() throws Exception {
        given(ingestor.ingest(anyList(), any())).willThrow(new InvalidInputException("element 0: object is missing"));

        mvc.perform(post("/v1/facts").contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"subject\":\"Ada Quill\",\"relation\":\"mother\",\"object\":null}]"))
                .andExpect(problem(400, "invalid-request", "/v1/facts"))
                .andExpect(jsonPath("$.detail").value("element 0: object is missing"));

        assertThat(ingested("api")).containsExactly(new FactInput("Ada Quill", "mother", null));
    }

    @Test
    void elementThatIsNotAnObjectRejectsTheRequestNamingTheElement() throws Exception {
        mvc.perform(post("/v1/facts").contentType(MediaType.APPLICATION_JSON).content("""
                        [{"subject":"Ada Quill","relation":"mother","object":"Mira Quill"},
                         "Ada Quill mother Mira Quill"]"""))
                .andExpect(problem(400, "invalid-request", "/v1/facts"))
                .andExpect(jsonPath("$.detail").value(containsString("element 1")));
        verifyNoInteractions(ingestor);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"subject\":\"Ada Quill\",\"relation\":\"mother\",\"object\":7}       | element 1: object must be a string",
            "{\"subject\":[\"Ada\"],\"relation\":\"mother\",\"object\":\"Mira\"}    | element 1: subject must be a string",
            "{\"subject\":\"Ada Quill\",\"relation\":{\"n\":1},\"object\":\"Mira\"} | element 1: relation must be a string",
            "{\"subject\":\"Ada Quill\",\"relation\":true,\"object\":\"Mira\"}      | element 1: relation must be a string"
    })
    void nonStringFieldRejectsTheRequestNamingElementAndField(String element, String detail) throws Exception {
        mvc.perform(post("/v1/facts").contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"subject\":\"Ada Quill\",\"relation\":\"gender\",\"object\":\"female\"}," + element + "]"))
                .andExpect(problem(400, "invalid-request", "/v1/facts"))
                .andExpect(jsonPath("$.detail").value(detail));
        verifyNoInteractions(ingestor);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"subject\":\"Ada Quill\",\"relation\":\"mother\",\"object\":\"Mira Quill\"}",
            "\"facts\"",
            "42",
            "null"
    })
    void bodyThatIsNotAnArrayIsInvalid(String body) throws Exception {
        mvc.perform(post("/v1/facts").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(problem(400, "invalid-request", "/v1/facts"));
        verifyNoInteractions(ingestor);
    }

    @Test
    void malformedJsonIsInvalid() throws Exception {
        mvc.perform(post("/v1/facts").contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"subject\":\"Ada Quill\",\"relation\":\"mother\","))
                .andExpect(problem(400, "invalid-request", "/v1/facts"));
        verifyNoInteractions(ingestor);
    }

    @Test
    void emptyBodyIsInvalid() throws Exception {
        mvc.perform(post("/v1/facts").contentType(MediaType.APPLICATION_JSON))
                .andExpect(problem(400, "invalid-request", "/v1/facts"));
        verifyNoInteractions(ingestor);
    }

    @Test
    void badSourceIsInvalid() throws Exception {
        mvc.perform(post("/v1/facts").param("source", "my source!").contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(problem(400, "invalid-request", "/v1/facts"))
                .andExpect(jsonPath("$.detail").value(containsString("source")));
        verifyNoInteractions(ingestor);
    }

    @Test
    void tooManyFactsIsTooLarge() throws Exception {
        given(ingestor.ingest(anyList(), any())).willThrow(new TooLargeException(
                "3 facts in one request; at most 2 are accepted (use POST /v1/facts/import for more)"));

        mvc.perform(post("/v1/facts").contentType(MediaType.APPLICATION_JSON).content("""
                        [{"subject":"A","relation":"mother","object":"B"},
                         {"subject":"C","relation":"mother","object":"B"},
                         {"subject":"D","relation":"mother","object":"B"}]"""))
                .andExpect(problem(413, "too-large", "/v1/facts"))
                .andExpect(jsonPath("$.detail").value(containsString("/v1/facts/import")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "text/tab-separated-values                | TSV",
            "text/tab-separated-values;charset=UTF-8  | TSV",
            "text/csv                                 | CSV",
            "text/csv; charset=utf-8                  | CSV",
            "application/x-ndjson                     | NDJSON"
    })
    void importStreamsTheBodyInTheFormatOfItsContentType(String contentType, FactFormat format) throws Exception {
        String file = "Ada Quill\tfather\tOwen Quill\nnot a fact\nOwen Quill\tgender\tmale\n";
        AtomicReference<String> streamed = new AtomicReference<>();
        given(ingestor.importFile(any(), eq(format), eq(HeaderLine.DEFAULT), eq("import"))).willAnswer(call -> {
            streamed.set(new String(call.<InputStream>getArgument(0).readAllBytes(), StandardCharsets.UTF_8));
            return new ImportSummary(3, 2, 0, List.of(new ImportSummary.Rejection(2, "expected 3 fields")), 1);
        });

        mvc.perform(post("/v1/facts/import").header("Content-Type", contentType).content(file))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines").value(3))
                .andExpect(jsonPath("$.added").value(2))
                .andExpect(jsonPath("$.duplicates").value(0))
                .andExpect(jsonPath("$.rejected", hasSize(1)))
                .andExpect(jsonPath("$.rejected[0].line").value(2))
                .andExpect(jsonPath("$.rejected[0].reason").value("expected 3 fields"))
                .andExpect(jsonPath("$.rejectedTotal").value(1));

        assertThat(streamed.get()).isEqualTo(file);
    }

    @Test
    void importSourceParameterIsPassedOn() throws Exception {
        given(ingestor.importFile(any(), any(), any(), any())).willReturn(new ImportSummary(0, 0, 0, List.of(), 0));

        mvc.perform(post("/v1/facts/import").param("source", "census-1901").contentType("text/csv").content("subject,relation,object\n"))
                .andExpect(status().isOk());

        verify(ingestor).importFile(any(), eq(FactFormat.CSV), eq(HeaderLine.DEFAULT), eq("census-1901"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "text/tab-separated-values; header=present | PRESENT",
            "text/csv; header=absent                   | ABSENT",
            "text/csv;charset=utf-8;header=\"Present\"   | PRESENT"})
    void importHeaderParameterDeclaresTheHeaderLine(String contentType, HeaderLine header) throws Exception {
        given(ingestor.importFile(any(), any(), any(), any())).willReturn(new ImportSummary(0, 0, 0, List.of(), 0));

        mvc.perform(post("/v1/facts/import").header("Content-Type", contentType).content("a\tb\tc\n"))
                .andExpect(status().isOk());

        verify(ingestor).importFile(any(), any(), eq(header), eq("import"));
    }

    @Test
    void importHeaderParameterOtherThanPresentOrAbsentIsInvalid() throws Exception {
        mvc.perform(post("/v1/facts/import").header("Content-Type", "text/csv; header=maybe").content("a,b,c\n"))
                .andExpect(problem(400, "invalid-request", "/v1/facts/import"));
        verifyNoInteractions(ingestor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain", "application/octet-stream"})
    void importOfAnUnsupportedContentTypeIsUnsupportedMediaType(String contentType) throws Exception {
        mvc.perform(post("/v1/facts/import").contentType(contentType).content("Ada Quill\tfather\tOwen Quill\n"))
                .andExpect(problem(415, "unsupported-media-type", "/v1/facts/import"));
        verifyNoInteractions(ingestor);
    }

    @Test
    void importWithoutAContentTypeIsUnsupportedMediaType() throws Exception {
        mvc.perform(post("/v1/facts/import").content("Ada Quill\tfather\tOwen Quill\n"))
                .andExpect(problem(415, "unsupported-media-type", "/v1/facts/import"));
        verifyNoInteractions(ingestor);
    }

    @Test
    void importInterruptedByTheStoreIsUnavailableAndSaysWhatIsStored() throws Exception {
        given(ingestor.importFile(any(), any(), any(), any()))
                .willThrow(new ImportFailedException(2000, new IllegalStateException("disk full")));

        mvc.perform(post("/v1/facts/import").contentType("text/tab-separated-values").content("a\tmother\tb\n"))
                .andExpect(unavailable("import-interrupted", "/v1/facts/import"))
                .andExpect(jsonPath("$.committedLines").value(2000))
                .andExpect(jsonPath("$.detail").value(containsString("resend")));
    }
}
