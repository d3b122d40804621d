package io.relata.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The open-world mix of questions with and without an answer, and the figures measured on it. */
class OpenWorldTest {

    private static final int FAMILIES = 6;
    private static final int ENTITIES = FamilyGraph.entityCount(FAMILIES);

    @Test
    void everyHeldOutFactIsAskedBothWays() {
        Triples heldOut = Triples.of(List.of(new int[] {4, FamilyGraph.MOTHER, 2}, new int[] {5, FamilyGraph.FATHER, 3}));

        assertThat(OpenWorld.answerable(heldOut)).containsExactly(
                new OpenWorld.Question(4, FamilyGraph.MOTHER, false, 2, OpenWorld.Kind.ANSWERABLE),
                new OpenWorld.Question(5, FamilyGraph.FATHER, false, 3, OpenWorld.Kind.ANSWERABLE),
                new OpenWorld.Question(2, FamilyGraph.MOTHER, true, 4, OpenWorld.Kind.ANSWERABLE),
                new OpenWorld.Question(3, FamilyGraph.FATHER, true, 5, OpenWorld.Kind.ANSWERABLE));
    }

    @Test
    void questionsWithoutAnAnswerHaveNoneAmongTheKnownFactsAndAreRepeatable() {
        Triples facts = FamilyGraph.facts(FAMILIES, 1);
        KnownFacts known = new KnownFacts(FamilyGraph.RELATIONS, facts);

        List<OpenWorld.Question> drawn = OpenWorld.withoutAnswer(40, known, facts, ENTITIES, FamilyGraph.RELATIONS, 3);

        assertThat(drawn).hasSize(40).doesNotHaveDuplicates().allSatisfy(q -> {
            assertThat(q.kind()).isEqualTo(OpenWorld.Kind.NO_ANSWER);
            assertThat(q.inverse() ? known.subjects(q.entity(), q.relation()) : known.objects(q.entity(), q.relation())).isEmpty();
        });
        assertThat(OpenWorld.withoutAnswer(40, known, facts, ENTITIES, FamilyGraph.RELATIONS, 3)).isEqualTo(drawn);
        // "male" is among the entities: role-violating questions are drawn too
        assertThat(OpenWorld.withoutAnswer(10_000, known, facts, ENTITIES, FamilyGraph.RELATIONS, 3))
                .anySatisfy(q -> assertThat(q.entity()).isEqualTo(FamilyGraph.MALE));
    }

    @Test
    void figuresCountConfidentAnswersOnBothKindsOfQuestion() {
        // calibration σ(log p): a candidate's log p is the logit of the confidence wanted
        Calibration identity = Calibration.identity();
        OpenWorld.Question answerable = new OpenWorld.Question(4, FamilyGraph.MOTHER, false, 2, OpenWorld.Kind.ANSWERABLE);
        OpenWorld.Question noAnswer = new OpenWorld.Question(5, FamilyGraph.SPOUSE, false, -1, OpenWorld.Kind.NO_ANSWER);
        OpenWorld.Question filled = new OpenWorld.Question(6, FamilyGraph.MOTHER, false, -1, OpenWorld.Kind.FILLED_SLOT);
        List<OpenWorld.Scored> scored = List.of(
                new OpenWorld.Scored(answerable, List.of(candidate(2, 0.9), candidate(7, 0.6), candidate(8, 0.1)),
                        new boolean[] {true, false, false}),
                new OpenWorld.Scored(noAnswer, List.of(candidate(9, 0.7), candidate(10, 0.2)), new boolean[] {false, false}),
                new OpenWorld.Scored(filled, List.of(candidate(11, 0.99)), new boolean[] {false}));

        OpenWorld.Figures both = OpenWorld.measure(scored, identity, Roles.none(ENTITIES, FamilyGraph.RELATIONS)).both();

        // the filled slot is fitted on but is no part of the protocol's figures
        assertThat(both.queries()).isEqualTo(2);
        assertThat(both.noAnswerShare()).isEqualTo(0.5);
        // three answers at 0.5 or more (0.9 right, 0.6 and 0.7 wrong)
        assertThat(both.precisionAt05()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(both.recallAt05()).isEqualTo(1.0);
        assertThat(both.confidentWrongPer100NoAnswer()).isEqualTo(100.0);
        double brier = (0.01 + 0.36 + 0.01 + 0.49 + 0.04) / 5;
        assertThat(both.brier()).isCloseTo(brier, within(1e-9));
    }

    private static Candidates.Candidate candidate(int entity, double confidence) {
        double logit = Math.log(confidence / (1 - confidence));
        return new Candidates.Candidate(entity, new Calibration.Features(logit, 0, 1, 0, 0, 0, 0, 0, 0, 0));
    }
}
