package io.relata.lexicon;

import static io.relata.lexicon.Direction.FORWARD;
import static io.relata.lexicon.Direction.INVERSE;
import static io.relata.lexicon.Direction.SYMMETRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LexiconFileTest {

    private static LexiconFile shipped;

    @BeforeAll
    static void readShippedLexicon() throws IOException {
        try (InputStream in = LexiconFileTest.class.getClassLoader().getResourceAsStream("lexicon/english-family.txt")) {
            assertThat(in).as("lexicon/english-family.txt on the class path").isNotNull();
            shipped = LexiconFile.read(in, "builtin");
        }
    }

    private static LexiconFile read(String text) {
        return LexiconFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
    }

    private static Reading reading(Optional<AnswerFilter> filter, Step... steps) {
        return new Reading(List.of(steps), filter);
    }

    private static Optional<AnswerFilter> gender(String value) {
        return Optional.of(AnswerFilter.onAnswer("gender", value));
    }

    @Test
    void shippedLexiconDeclaresTheFamilyRelations() {
        Map<String, RelationInfo> relations = shipped.relations().stream()
                .collect(Collectors.toMap(RelationInfo::name, Function.identity()));

        assertThat(relations).containsKeys("mother", "father", "spouse", "sibling", "gender");
        assertThat(relations.get("mother").symmetric()).isFalse();
        assertThat(relations.get("father").symmetric()).isFalse();
        assertThat(relations.get("gender").symmetric()).isFalse();
        assertThat(relations.get("spouse").symmetric()).isTrue();
        assertThat(relations.get("sibling").symmetric()).isTrue();
        assertThat(relations.get("mother").description()).isEqualTo("the subject's mother");
        assertThat(relations.values()).allSatisfy(r -> assertThat(r.origin()).isEqualTo("builtin"));
    }

    @Test
    void sonHasInverseReadingsForMalesThroughMotherFatherAndAParentOfUnstatedRole() {
        assertThat(shipped.phrases().get("son")).containsExactly(
                reading(gender("male"), new Step("mother", INVERSE)),
                reading(gender("male"), new Step("father", INVERSE)),
                reading(gender("male"), new Step("parent", INVERSE)));
        assertThat(shipped.phrases().get("son")).allSatisfy(r -> assertThat(r.direction()).isEqualTo(INVERSE));
    }

    @Test
    void aMotherIsAMotherOrAParentOfUnstatedRoleWhoIsFemale() {
        assertThat(shipped.phrases().get("mother")).containsExactly(
                Reading.of("mother", FORWARD), reading(gender("female"), new Step("parent", FORWARD)));
    }

    @Test
    void grandmotherHasTwoForwardTwoStepPaths() {
        assertThat(shipped.phrases().get("grandmother")).containsExactly(
                reading(Optional.empty(), new Step("mother", FORWARD), new Step("mother", FORWARD)),
                reading(Optional.empty(), new Step("father", FORWARD), new Step("mother", FORWARD)));
        assertThat(shipped.phrases().get("grandmother")).allSatisfy(r -> assertThat(r.direction()).isEqualTo(FORWARD));
    }

    @Test
    void spouseIsSymmetric() {
        assertThat(shipped.phrases().get("spouse")).containsExactly(Reading.of("spouse", SYMMETRIC));
        assertThat(shipped.phrases().get("wife"))
                .containsExactly(reading(gender("female"), new Step("spouse", SYMMETRIC)));
    }

    @Test
    void everyPhraseOnALineGetsTheSameReadings() {
        assertThat(shipped.phrases().get("mom")).isEqualTo(shipped.phrases().get("mother"));
        assertThat(shipped.phrases().get("granny")).isEqualTo(shipped.phrases().get("grandmother"));
        assertThat(shipped.phrases().get("children")).containsExactly(
                Reading.of("mother", INVERSE), Reading.of("father", INVERSE), Reading.of("parent", INVERSE));
    }

    @Test
    void hyphenatedPhraseIsKept() {
        assertThat(shipped.phrases().get("mother-in-law"))
                .containsExactly(reading(Optional.empty(), new Step("spouse", SYMMETRIC), new Step("mother", FORWARD)));
    }

    @Test
    void everyShippedReadingUsesADeclaredRelation() {
        List<String> declared = shipped.relations().stream().map(RelationInfo::name).toList();

        assertThat(shipped.phrases().values().stream().flatMap(List::stream).flatMap(r -> r.path().stream()))
                .allSatisfy(step -> assertThat(declared).contains(step.relation()));
    }

    @Test
    void phrasesAreNormalizedAndCommentsSkipped() {
        LexiconFile file = read("""
                # a comment
                relation knows: someone the subject knows

                  The Friend ,  PAL = knows~
                """);

        assertThat(file.relations()).containsExactly(new RelationInfo("knows", false, "someone the subject knows", "test"));
        assertThat(file.phrases()).containsOnlyKeys("friend", "pal");
        assertThat(file.phrases().get("friend")).containsExactly(Reading.of("knows", SYMMETRIC));
    }

    @Test
    void filterValueMayHoldSpaces() {
        LexiconFile file = read("stepmother = father> spouse~ [ role = step mother ]");

        assertThat(file.phrases().get("stepmother")).containsExactly(reading(
                Optional.of(AnswerFilter.onAnswer("role", "step mother")),
                new Step("father", FORWARD), new Step("spouse", SYMMETRIC)));
    }

    @Test
    void lineWithoutReadingsIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> read("""
                # comment
                relation mother: the mother

                mother, mum
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 4");
    }

    @Test
    void badStepIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> read("""
                mother = mother>
                son = mother [gender=male]
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("mother");
    }

    @Test
    void emptyReadingIsRefused() {
        assertThatThrownBy(() -> read("mother = mother> | | father>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void emptyFileHasNothing() {
        LexiconFile file = read("");

        assertThat(file.relations()).isEmpty();
        assertThat(file.phrases()).isEmpty();
    }
}
