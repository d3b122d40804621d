package io.relata.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.query.PhrasingCase.Expect;
import io.relata.query.PhrasingJudge.Judgement;
import io.relata.query.PhrasingJudge.Outcome;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the benchmark judges a response: only confident answers count, and a confident wrong one is the worst. */
class PhrasingJudgeTest {

    private static final PhrasingCase MOTHER = new PhrasingCase("t1", "Who is Tom Cruise's mother?", Expect.ANSWER,
            "forward", Set.of("Mary Lee Pfeiffer"), "stated", "possessive");
    private static final PhrasingCase SIBLING = new PhrasingCase("t2", "Who are Suri Cruise's siblings?", Expect.ANSWER,
            "symmetric", Set.of("Isabella Cruise", "Connor Cruise"), "derived", "derived-sibling");
    private static final PhrasingCase IS_MOTHER = new PhrasingCase("t3", "Is Katie Holmes Tom Cruise's mother?", Expect.VERIFY,
            null, Set.of("false"), null, "verify-possessive");
    private static final PhrasingCase NOBODY = new PhrasingCase("t4", "Who is Conan O'Brien's mother?", Expect.NONE,
            null, Set.of(), null, "none-no-fact");

    private static String answers(String direction, String... answers) {
        return "{\"direction\":\"" + direction + "\",\"answers\":[" + String.join(",", answers) + "]}";
    }

    private static String answer(String label, double confidence, String evidence) {
        return "{\"entity\":{\"id\":\"1\",\"label\":\"" + label + "\"},\"confidence\":" + confidence
                + ",\"evidence\":\"" + evidence + "\"}";
    }

    private static Outcome judge(PhrasingCase question, int status, String body) {
        return PhrasingJudge.judge(question, status, body).outcome();
    }

    @Test
    void anyAcceptableFirstAnswerWithTheExpectedDirectionAndEvidenceIsCorrect() {
        assertThat(judge(MOTHER, 200, answers("forward", answer("Mary Lee Pfeiffer", 1.0, "stated")))).isEqualTo(Outcome.CORRECT);
        assertThat(judge(SIBLING, 200, answers("symmetric", answer("Connor Cruise", 0.97, "derived"),
                answer("Isabella Cruise", 0.97, "derived")))).isEqualTo(Outcome.CORRECT);
    }

    @Test
    void onlyTheFirstAnswerIsJudged() {
        String wrongFirst = answers("forward", answer("Katie Holmes", 0.9, "inferred"), answer("Mary Lee Pfeiffer", 0.8, "stated"));

        assertThat(judge(MOTHER, 200, wrongFirst)).isEqualTo(Outcome.WRONG_ANSWER);
    }

    @Test
    void aFirstAnswerBelowOneHalfIsNoAnswerRatherThanAWrongOne() {
        assertThat(judge(MOTHER, 200, answers("forward", answer("Katie Holmes", 0.49, "inferred")))).isEqualTo(Outcome.NO_ANSWER);
        assertThat(judge(MOTHER, 200, answers("forward"))).isEqualTo(Outcome.NO_ANSWER);
    }

    @Test
    void theRightAnswerInTheWrongDirectionOrWithOtherEvidenceIsNotCorrect() {
        assertThat(judge(MOTHER, 200, answers("inverse", answer("Mary Lee Pfeiffer", 1.0, "stated")))).isEqualTo(Outcome.WRONG_DIRECTION);
        assertThat(judge(SIBLING, 200, answers("symmetric", answer("Connor Cruise", 0.7, "inferred")))).isEqualTo(Outcome.WRONG_EVIDENCE);
    }

    @Test
    void problemsAreNotUnderstoodOrUnknownEntityUnlessNoAnswerIsExpected() {
        String problem = "{\"type\":\"https://relata.io/problems/unknown-entity\",\"status\":404,\"detail\":\"no entity\"}";

        assertThat(judge(MOTHER, 404, problem)).isEqualTo(Outcome.UNKNOWN_ENTITY);
        assertThat(judge(MOTHER, 422, problem)).isEqualTo(Outcome.NOT_UNDERSTOOD);
        assertThat(judge(NOBODY, 404, problem)).isEqualTo(Outcome.CORRECT);
        assertThat(judge(NOBODY, 422, problem)).isEqualTo(Outcome.CORRECT);
        assertThat(judge(NOBODY, 400, problem)).isEqualTo(Outcome.ERROR);
        assertThat(judge(MOTHER, 500, "")).isEqualTo(Outcome.ERROR);
    }

    @Test
    void aQuestionWithoutAnAnswerMayListOnlyUnconfidentGuesses() {
        assertThat(judge(NOBODY, 200, answers("forward"))).isEqualTo(Outcome.CORRECT);
        assertThat(judge(NOBODY, 200, answers("forward", answer("Rose Kennedy", 0.3, "inferred")))).isEqualTo(Outcome.CORRECT);
        assertThat(judge(NOBODY, 200, answers("forward", answer("Rose Kennedy", 0.5, "inferred")))).isEqualTo(Outcome.ANSWERED_NONE);
    }

    @Test
    void aVerdictCountsAtOneHalfAndAboveAndOnlyInTheVerificationObject() {
        String right = "{\"answers\":[],\"verification\":{\"holds\":false,\"confidence\":0.98,\"evidence\":[\"stated\"]}}";
        String wrong = "{\"answers\":[],\"verification\":{\"holds\":true,\"confidence\":0.6,\"evidence\":[\"inferred\"]}}";
        String unsure = "{\"answers\":[],\"verification\":{\"holds\":false,\"confidence\":0.4,\"evidence\":[]}}";
        String asAnAnswer = answers("forward", answer("Mary Lee Pfeiffer", 1.0, "stated"));

        assertThat(judge(IS_MOTHER, 200, right)).isEqualTo(Outcome.CORRECT);
        assertThat(judge(IS_MOTHER, 200, wrong)).isEqualTo(Outcome.WRONG_VERDICT);
        assertThat(judge(IS_MOTHER, 200, unsure)).isEqualTo(Outcome.NO_ANSWER);
        assertThat(judge(IS_MOTHER, 200, asAnAnswer)).isEqualTo(Outcome.NO_ANSWER);
    }

    @Test
    void aVerdictsEvidenceIsLookedUpInItsArray() {
        PhrasingCase derived = new PhrasingCase("t5", "Is Connor Cruise Suri Cruise's brother?", Expect.VERIFY,
                null, Set.of("true"), "derived", "verify-derived");

        assertThat(judge(derived, 200, "{\"verification\":{\"holds\":true,\"confidence\":0.99,\"evidence\":[\"derived\"]}}"))
                .isEqualTo(Outcome.CORRECT);
        assertThat(judge(derived, 200, "{\"verification\":{\"holds\":true,\"confidence\":0.99,\"evidence\":[\"inferred\"]}}"))
                .isEqualTo(Outcome.WRONG_EVIDENCE);
    }

    @Test
    void scoreCountsAccuracyAndConfidentWrongAnswersByForm() {
        List<Judgement> judgements = List.of(
                PhrasingJudge.judge(MOTHER, 200, answers("forward", answer("Mary Lee Pfeiffer", 1.0, "stated"))),
                PhrasingJudge.judge(SIBLING, 422, "{}"),
                PhrasingJudge.judge(IS_MOTHER, 200, "{\"verification\":{\"holds\":true,\"confidence\":0.9,\"evidence\":[]}}"),
                PhrasingJudge.judge(NOBODY, 404, "{}"));
        PhrasingScore score = new PhrasingScore("t.tsv", judgements);

        assertThat(score.accuracy()).isEqualTo(0.5);
        assertThat(score.confidentlyWrong()).extracting(j -> j.question().id()).containsExactly("t3");
        assertThat(score.report(true))
                .contains("t.tsv: accuracy 0.500 (2 of 4), confidently wrong 1")
                .containsPattern("verify-possessive\\s+1\\s+0\\s+0\\.000\\s+1")
                .contains("Is Katie Holmes Tom Cruise's mother?");
        assertThat(score.report(false)).doesNotContain("Is Katie Holmes Tom Cruise's mother?").contains("t3");
    }

    @Test
    void traitsAreReadOffTheWording() {
        PhrasingCase polite = new PhrasingCase("t6", "can you tell me who prince harry's mother was, please", Expect.ANSWER,
                null, Set.of("Diana, Princess of Wales"), null, "polite");

        assertThat(PhrasingScore.traits(new Judgement(polite, Outcome.CORRECT, "")))
                .containsExactly("verb: was", "leading: can you tell me", "please", "no ?", "case: lower");
        assertThat(PhrasingScore.traits(new Judgement(MOTHER, Outcome.CORRECT, ""))).containsExactly("verb: is", "ends with ?");
    }
}
