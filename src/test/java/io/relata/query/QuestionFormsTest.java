package io.relata.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.relata.query.QuestionForms.Analysis;
import io.relata.query.QuestionForms.Shape;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The forms a question is read by: which words may be the entity, the phrase and the candidate. */
class QuestionFormsTest {

    private static final List<String> TEMPLATES = List.of("who is {x} married to", "when was {x} born", "when is {x}'s birthday");

    private static List<Analysis> read(String question) {
        return QuestionForms.read(question, TEMPLATES);
    }

    /** The analyses as (mention, phrase, shape[, candidate]) strings, for compact assertions. */
    private static List<String> readings(String question) {
        return read(question).stream()
                .map(a -> a.mention() + " | " + a.phrase() + " | " + a.shape() + (a.candidate() == null ? "" : " | " + a.candidate()))
                .toList();
    }

    static Stream<Arguments> plainForms() {
        return Stream.of(
                Arguments.of("Who is Tom Cruise's mother?", "Tom Cruise | mother | PLAIN"),
                Arguments.of("who WAS tom cruise's mother", "tom cruise | mother | PLAIN"),
                Arguments.of("Who is the mother of Tom Cruise?", "Tom Cruise | mother | PLAIN"),
                Arguments.of("Who were Tom Cruise's parents?", "Tom Cruise | parents | PLAIN"),
                Arguments.of("What is the name of Tom Cruise's mother?", "Tom Cruise | mother | PLAIN"),
                Arguments.of("What are the names of the children of Joe Jackson?", "Joe Jackson | children | PLAIN"),
                Arguments.of("Name a child of Mary Lee Pfeiffer", "Mary Lee Pfeiffer | child | PLAIN"),
                Arguments.of("Name the mother of Tom Cruise", "Tom Cruise | mother | PLAIN"),
                Arguments.of("List the children of Joe Jackson", "Joe Jackson | children | PLAIN"),
                Arguments.of("list Joe Jackson's children", "Joe Jackson | children | PLAIN"),
                Arguments.of("Which children did Marie Curie have?", "Marie Curie | children | PLAIN"),
                Arguments.of("How many children did Marie Curie have?", "Marie Curie | children | PLAIN"),
                Arguments.of("Tom Cruise's mother", "Tom Cruise | mother | PLAIN"),
                Arguments.of("mother of Tom Cruise", "Tom Cruise | mother | PLAIN"),
                Arguments.of("James' mother", "James | mother | PLAIN"),
                Arguments.of("Who is James' mother?", "James | mother | PLAIN"),
                Arguments.of("Tell me, who is Tom Cruise's father?", "Tom Cruise | father | PLAIN"),
                Arguments.of("Do you know Tom Cruise's father?", "Tom Cruise | father | PLAIN"),
                Arguments.of("Please tell me who Tom Cruise's father is", "Tom Cruise | father | PLAIN"),
                Arguments.of("who is tom cruise's father, please?", "tom cruise | father | PLAIN"),
                Arguments.of("Who’s Tom Cruise’s mother", "Tom Cruise | mother | PLAIN"));
    }

    @ParameterizedTest
    @MethodSource("plainForms")
    void plainFormsReadTheEntityAndThePhrase(String question, String expected) {
        assertThat(readings(question)).contains(expected);
        // the most specific form comes first
        assertThat(readings(question).get(0)).isEqualTo(expected);
    }

    static Stream<Arguments> turnedForms() {
        return Stream.of(
                Arguments.of("Whose mother is Mary Lee Pfeiffer?", "Mary Lee Pfeiffer | mother | TURNED"),
                Arguments.of("Whose sons are they?", "they | sons | TURNED"),
                Arguments.of("Mary Lee Pfeiffer is the mother of whom?", "Mary Lee Pfeiffer | mother | TURNED"),
                Arguments.of("Mary Lee Pfeiffer was the mother of who", "Mary Lee Pfeiffer | mother | TURNED"),
                Arguments.of("Of whom is Mary Lee Pfeiffer the mother?", "Mary Lee Pfeiffer | mother | TURNED"),
                Arguments.of("Who is Mary Lee Pfeiffer the mother of?", "Mary Lee Pfeiffer | mother | TURNED"),
                Arguments.of("Who has Mary Lee Pfeiffer as their mother?", "Mary Lee Pfeiffer | mother | TURNED"),
                Arguments.of("Who had Joe Jackson as his father", "Joe Jackson | father | TURNED"),
                Arguments.of("Mary Lee Pfeiffer is whose mother?", "Mary Lee Pfeiffer | mother | TURNED"));
    }

    @ParameterizedTest
    @MethodSource("turnedForms")
    void turnedFormsAskThePhraseFromItsOtherEnd(String question, String expected) {
        assertThat(readings(question).get(0)).isEqualTo(expected);
    }

    @Test
    void yesNoFormsReadTheCandidateBeside() {
        assertThat(readings("Is Mary Lee Pfeiffer Tom Cruise's mother?"))
                .contains("Tom Cruise | mother | YES_NO | Mary Lee Pfeiffer")
                // where the candidate ends and the entity starts is for the directory to say
                .contains("Lee Pfeiffer Tom Cruise | mother | YES_NO | Mary");
        assertThat(readings("Is Tom Cruise the son of Mary Lee Pfeiffer?")).contains("Mary Lee Pfeiffer | son | YES_NO | Tom Cruise");
        assertThat(readings("Was Katie Holmes a wife of Tom Cruise")).contains("Tom Cruise | wife | YES_NO | Katie Holmes");
        assertThat(readings("Does Tom Cruise have Mary Lee Pfeiffer as his mother?"))
                .contains("Tom Cruise | mother | YES_NO | Mary Lee Pfeiffer");
    }

    @Test
    void aLexiconFormReadsItsEntityAndKeepsItselfAsThePhrase() {
        assertThat(readings("Who is Tom Cruise married to?").get(0)).isEqualTo("Tom Cruise | who is {x} married to | PLAIN");
        assertThat(readings("When was Marie Curie born").get(0)).isEqualTo("Marie Curie | when was {x} born | PLAIN");
        assertThat(readings("When is Tom Cruise's birthday?").get(0)).isEqualTo("Tom Cruise | when is {x}'s birthday | PLAIN");
        assertThat(QuestionForms.isTemplate("when was {X} born")).isTrue();
        assertThat(QuestionForms.isTemplate("mother")).isFalse();
    }

    @Test
    void aQuestionWordLeadsOnlyToQuestionFormsNotToABareNounPhrase() {
        // "Where was X born" is no form the lexicon declares: it must not read as "X's born" with X = "Where was X"
        assertThat(read("Where was Tom Cruise born?")).isEmpty();
        assertThat(readings("Tom Cruise mother")).contains("Tom Cruise | mother | PLAIN");
    }

    @Test
    void namesKeepTheirOwnApostrophesCommasAndOfs() {
        assertThat(readings("Who is Conan O'Brien's wife?").get(0)).isEqualTo("Conan O'Brien | wife | PLAIN");
        assertThat(readings("Who is the son of Diana, Princess of Wales?")).contains("Diana, Princess of Wales | son | PLAIN");
        assertThat(readings("Who is the mother of the Duke of York?")).contains("the Duke of York | mother | PLAIN");
        // a nested possessive: the phrase is the last word, the rest may name an entity (an alias, say)
        assertThat(readings("Who is Conan O'Brien's wife's mother?")).first().isEqualTo("Conan O'Brien's wife | mother | PLAIN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   \t\n  ", "?", "?!?", "...", " ? ! . "})
    void aQuestionWithoutWordsIsNotUnderstood(String question) {
        assertThatThrownBy(() -> read(question)).isInstanceOf(QuestionNotUnderstoodException.class)
                .hasMessageContaining("no words");
    }

    static Stream<String> hostile() {
        int size = 10 * 1024;
        return Stream.of(
                "a".repeat(size),
                "Who is " + "Tom ".repeat(size / 4) + "Cruise's mother?",
                "Who is " + "x's ".repeat(size / 4) + "mother?",
                "Who is the " + "mother of ".repeat(size / 10) + "Tom Cruise?",
                "Whose " + "mother ".repeat(size / 7) + "?",
                "is " + "is ".repeat(20) + "x",
                "Is " + "Tom ".repeat(30) + "Cruise's mother?",
                "'s ".repeat(60),
                " of".repeat(60));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void aLongOrTwistedQuestionIsReadOrRefusedQuicklyAndBounded(String question) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                assertThat(read(question)).hasSizeLessThanOrEqualTo(QuestionForms.MAX_ANALYSES);
            } catch (QuestionNotUnderstoodException e) {
                assertThat(e).hasMessageContaining("words");
            }
        });
    }

    @Test
    void injectionLooksLikeAnyOtherName() {
        assertThat(readings("Robert'); DROP TABLE fact;--'s mother").get(0)).isEqualTo("Robert'); DROP TABLE fact;-- | mother | PLAIN");
        assertThat(readings("Who is <script>alert('x')</script>'s mother?").get(0))
                .isEqualTo("<script>alert('x')</script> | mother | PLAIN");
    }
}
