package io.relata.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark files themselves: well formed, big enough, every form present, every expected label stored. */
class PhrasingFilesTest {

    private static final List<PhrasingCase> QUESTIONS = PhrasingCase.read("phrasings/questions.tsv");
    private static final List<PhrasingCase> HELD_OUT = PhrasingCase.read("phrasings/held-out.tsv");

    @Test
    void filesHoldEnoughQuestionsOfEveryKind() {
        assertThat(QUESTIONS).hasSizeGreaterThanOrEqualTo(220);
        assertThat(HELD_OUT).hasSizeGreaterThanOrEqualTo(60);
        for (List<PhrasingCase> file : List.of(QUESTIONS, HELD_OUT)) {
            assertThat(file).extracting(PhrasingCase::expect).contains(PhrasingCase.Expect.values());
            assertThat(file).filteredOn(PhrasingCase::structured).isNotEmpty();
        }
    }

    @Test
    void everyFormOfTheIssueIsAsked() {
        assertThat(QUESTIONS).extracting(PhrasingCase::form).contains(
                "possessive", "possessive-bare", "plural-possessive", "of", "of-bare", "name-of", "name-a", "list",
                "which-have", "r-of-whom", "has-as", "married-to", "did-marry", "parents", "whose", "when-born",
                "polite", "mention-partial", "mention-folded", "mention-typo", "derived-sibling", "verify-possessive",
                "verify-of", "verify-derived", "paraphrase", "user-relation", "user-form", "structured");
        assertThat(QUESTIONS).extracting(PhrasingCase::form).anyMatch(form -> form.startsWith("none-"));
    }

    @Test
    void idsAndQuestionsAreUniqueAndTheHeldOutRepeatsNothing() {
        Set<String> ids = new HashSet<>();
        Set<String> questions = new HashSet<>();
        for (PhrasingCase c : Stream.concat(QUESTIONS.stream(), HELD_OUT.stream()).toList()) {
            assertThat(ids.add(c.id())).as("id %s twice", c.id()).isTrue();
            assertThat(questions.add(c.question().toLowerCase(Locale.ROOT))).as("asked twice: %s", c.question()).isTrue();
        }
    }

    @Test
    void everyExpectedAnswerIsAStoredLabel() throws IOException {
        Set<String> labels = new HashSet<>();
        labels.addAll(labels("demo/families.tsv"));
        labels.addAll(labels("phrasings/facts.tsv"));
        List<String> unknown = new ArrayList<>();
        for (PhrasingCase c : Stream.concat(QUESTIONS.stream(), HELD_OUT.stream()).toList()) {
            if (c.expect() == PhrasingCase.Expect.ANSWER) {
                c.first().stream().filter(label -> !labels.contains(label)).forEach(label -> unknown.add(c.id() + ": " + label));
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void structuredQuestionsAreJsonObjectsNamingAnEntityAndARelation() {
        JsonMapper json = JsonMapper.builder().build();
        for (PhrasingCase c : Stream.concat(QUESTIONS.stream(), HELD_OUT.stream()).filter(PhrasingCase::structured).toList()) {
            JsonNode body = json.readTree(c.question());
            assertThat(body.path("entity").isString()).as(c.id()).isTrue();
            assertThat(body.path("relation").isString()).as(c.id()).isTrue();
            assertThat(body.has("candidate")).as(c.id()).isEqualTo(c.expect() == PhrasingCase.Expect.VERIFY);
        }
    }

    @Test
    void malformedLinesAreRefusedWithTheirPlace() {
        assertThatThrownBy(() -> PhrasingCase.read("phrasings/malformed.tsv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed.tsv:4")
                .hasMessageContaining("yes/no question expects true or false");
    }

    private static Set<String> labels(String resource) throws IOException {
        Set<String> labels = new HashSet<>();
        try (InputStream in = PhrasingFilesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] columns = line.split("\t");
                if (!line.startsWith("#") && columns.length == 3) {
                    labels.add(columns[0]);
                    labels.add(columns[2]);
                }
            }
        }
        return labels;
    }
}
