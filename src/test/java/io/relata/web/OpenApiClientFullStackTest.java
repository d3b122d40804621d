package io.relata.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relata.RunningRelata;
import io.relata.client.ApiClient;
import io.relata.client.ApiException;
import io.relata.client.api.FactsApi;
import io.relata.client.api.ModelsApi;
import io.relata.client.api.QuestionsApi;
import io.relata.client.model.Answer;
import io.relata.client.model.AnsweringModel;
import io.relata.client.model.Fact;
import io.relata.client.model.IngestSummary;
import io.relata.client.model.ModelList;
import io.relata.client.model.QueryBody;
import io.relata.client.model.QueryResponse;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Java client generated from docs/openapi.json (openapi-generator, native library) working against a running relata. */
class OpenApiClientFullStackTest extends RunningRelata {

    private ApiClient client;

    @BeforeEach
    void connect() {
        client = new ApiClient();
        client.updateBaseUri(URI.create("http://localhost:" + port).toString());
    }

    @Test
    void asksForwardInWordsAndInverseAsAStructuredQuery() throws Exception {
        QuestionsApi questions = new QuestionsApi(client);

        QueryResponse forward = questions.askQuestion("Who is Tom Cruise's mother?", null, null, null);
        assertThat(forward.getDirection()).isEqualTo(QueryResponse.DirectionEnum.FORWARD);
        assertThat(forward.getAnswers()).extracting(a -> a.getEntity().getLabel()).containsExactly("Mary Lee Pfeiffer");
        assertThat(forward.getAnswers().get(0).getEvidence()).isEqualTo(Answer.EvidenceEnum.STATED);
        assertThat(forward.getModel().getTier()).isEqualTo(AnsweringModel.TierEnum.LOCAL);

        QueryResponse inverse = questions.askQuery(new QueryBody().entity("Mary Lee Pfeiffer").relation("mother")
                .direction(QueryBody.DirectionEnum.INVERSE).evidence(List.of(QueryBody.EvidenceEnum.STATED)));
        assertThat(inverse.getDirection()).isEqualTo(QueryResponse.DirectionEnum.INVERSE);
        assertThat(inverse.getAnswers()).extracting(a -> a.getEntity().getLabel()).contains("Tom Cruise");
    }

    @Test
    void addsAFactAndFindsItBothWays() throws Exception {
        IngestSummary summary = new FactsApi(client).addFacts(List.of(
                new Fact().subject("Ada Quill").relation("mother")._object("Mira Quill")), "client-test");
        assertThat(summary.getReceived()).isEqualTo(1);
        assertThat(summary.getAdded() + summary.getDuplicates()).isEqualTo(1);

        QueryResponse inverse = new QuestionsApi(client).askQuestion("Whose mother is Mira Quill?", null, null, null);
        assertThat(inverse.getAnswers()).extracting(a -> a.getEntity().getLabel()).containsExactly("Ada Quill");
    }

    @Test
    void readsTheModelsList() throws Exception {
        ModelList models = new ModelsApi(client).listModels();

        assertThat(models.getDevice()).isIn("cpu", "gpu");
        assertThat(models.getModels()).allSatisfy(m -> assertThat(m.getVersion()).isNotBlank());
    }

    @Test
    void anUnknownEntityIsAProblemTheClientCanRead() {
        assertThatThrownBy(() -> new QuestionsApi(client).askQuestion("Who is Nobody Anybody's mother?", null, null, null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
                            type -> assertThat(type).startsWith("application/problem+json"));
                    assertThat(e.getResponseBody()).contains("https://relata.io/problems/unknown-entity");
                });
    }
}
