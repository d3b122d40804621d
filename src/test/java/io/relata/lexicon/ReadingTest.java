package io.relata.lexicon;

import static io.relata.lexicon.Direction.FORWARD;
import static io.relata.lexicon.Direction.INVERSE;
import static io.relata.lexicon.Direction.MIXED;
import static io.relata.lexicon.Direction.SYMMETRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadingTest {

    private static Reading path(Step... steps) {
        return new Reading(List.of(steps), Optional.empty());
    }

    @Test
    void directionOfOneStepIsThatStepsDirection() {
        assertThat(Reading.of("mother", FORWARD).direction()).isEqualTo(FORWARD);
        assertThat(Reading.of("mother", INVERSE).direction()).isEqualTo(INVERSE);
        assertThat(Reading.of("spouse", SYMMETRIC).direction()).isEqualTo(SYMMETRIC);
    }

    @Test
    void directionOfAPathComposesItsSteps() {
        Step motherForward = new Step("mother", FORWARD);
        Step fatherForward = new Step("father", FORWARD);
        Step motherInverse = new Step("mother", INVERSE);
        Step sibling = new Step("sibling", SYMMETRIC);

        assertThat(path(fatherForward, motherForward).direction()).isEqualTo(FORWARD);
        assertThat(path(motherInverse, motherInverse).direction()).isEqualTo(INVERSE);
        assertThat(path(motherForward, sibling).direction()).isEqualTo(FORWARD);
        assertThat(path(sibling, motherInverse).direction()).isEqualTo(INVERSE);
        assertThat(path(motherForward, motherInverse).direction()).isEqualTo(MIXED);
        assertThat(path(sibling, sibling).direction()).isEqualTo(SYMMETRIC);
    }

    @Test
    void relationNameJoinsThePath() {
        assertThat(path(new Step("father", FORWARD), new Step("mother", FORWARD)).relationName()).isEqualTo("father/mother");
        assertThat(Reading.of("mother", INVERSE).relationName()).isEqualTo("mother");
    }

    @Test
    void turnedAroundOneStepFlipsForwardAndInverse() {
        assertThat(Reading.of("mother", FORWARD).turnedAround()).isEqualTo(Reading.of("mother", INVERSE));
        assertThat(Reading.of("mother", INVERSE).turnedAround()).isEqualTo(Reading.of("mother", FORWARD));
    }

    @Test
    void turnedAroundKeepsSymmetric() {
        assertThat(Reading.of("spouse", SYMMETRIC).turnedAround()).isEqualTo(Reading.of("spouse", SYMMETRIC));
    }

    @Test
    void turnedAroundReversesThePathAndConversesEachStep() {
        // an aunt: the entity's father's sister; turned: whose aunt the entity is, her sibling's child
        Reading aunt = path(new Step("father", FORWARD), new Step("sibling", SYMMETRIC));

        assertThat(aunt.turnedAround().path())
                .containsExactly(new Step("sibling", SYMMETRIC), new Step("father", INVERSE));
    }

    @Test
    void turnedAroundOfAMixedPathStaysMixed() {
        Reading inLaw = path(new Step("spouse", SYMMETRIC), new Step("mother", FORWARD), new Step("mother", INVERSE));

        Reading turned = inLaw.turnedAround();

        assertThat(turned.path()).containsExactly(
                new Step("mother", FORWARD), new Step("mother", INVERSE), new Step("spouse", SYMMETRIC));
        assertThat(turned.direction()).isEqualTo(MIXED);
    }

    @Test
    void turnedAroundMovesTheFilterFromAnswerToEntity() {
        // "son" asks for a male child; "whose son is X" asks for X's parent, with X the one who must be male
        Reading son = new Reading(List.of(new Step("mother", INVERSE)), Optional.of(AnswerFilter.onAnswer("gender", "male")));

        Reading turned = son.turnedAround();

        assertThat(turned.path()).containsExactly(new Step("mother", FORWARD));
        assertThat(turned.direction()).isEqualTo(FORWARD);
        assertThat(turned.filter()).contains(new AnswerFilter("gender", "male", AnswerFilter.Target.ENTITY));
    }

    @Test
    void turningAroundTwiceGivesTheReadingBack() {
        Reading grandson = new Reading(
                List.of(new Step("mother", INVERSE), new Step("father", INVERSE)),
                Optional.of(AnswerFilter.onAnswer("gender", "male")));

        assertThat(grandson.turnedAround()).isNotEqualTo(grandson);
        assertThat(grandson.turnedAround().turnedAround()).isEqualTo(grandson);
    }

    @Test
    void turnedAroundWithoutFilterHasNoFilter() {
        assertThat(Reading.of("mother", FORWARD).turnedAround().filter()).isEmpty();
    }

    @Test
    void readingNeedsAStep() {
        assertThatThrownBy(() -> new Reading(List.of(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readingKeepsItsOwnCopyOfThePath() {
        List<Step> steps = new ArrayList<>(List.of(new Step("mother", FORWARD)));
        Reading reading = new Reading(steps, Optional.empty());

        steps.add(new Step("father", FORWARD));

        assertThat(reading.path()).hasSize(1);
    }

    @Test
    void stepCannotBeMixed() {
        assertThatThrownBy(() -> new Step("mother", MIXED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ownReadingOfARelationFollowsItsSymmetry() {
        assertThat(new RelationInfo("mother", false, null, "builtin").ownReading()).isEqualTo(Reading.of("mother", FORWARD));
        assertThat(new RelationInfo("spouse", true, null, "builtin").ownReading()).isEqualTo(Reading.of("spouse", SYMMETRIC));
    }
}
