package io.relata.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.lexicon.AnswerFilter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FilterCheckTest {

    private static final AnswerFilter MALE = AnswerFilter.onAnswer("gender", "male");
    private static final long STATED_MALE = 1;
    private static final long STATED_FEMALE = 2;
    private static final long UNSTATED = 3;
    private static final long MALE_VALUE = 100;
    private static final long FEMALE_VALUE = 101;

    private final AnswerFinderTest.FakeFacts facts = new AnswerFinderTest.FakeFacts();

    @BeforeEach
    void genders() {
        facts.entity(MALE_VALUE, "male");
        facts.entity(FEMALE_VALUE, "female");
        facts.fact(STATED_MALE, "gender", MALE_VALUE);
        facts.fact(STATED_FEMALE, "gender", FEMALE_VALUE);
    }

    @Test
    void statedValueDecidesWhateverTheModelGuesses() {
        FilterCheck.AttributeGuess wrongGuesses = (a, v, entities) -> Map.of(STATED_MALE, 0.0, STATED_FEMALE, 1.0);

        Map<Long, FilterCheck.Outcome> outcomes = FilterCheck.check(facts, MALE, List.of(STATED_MALE, STATED_FEMALE), wrongGuesses);

        assertThat(outcomes.get(STATED_MALE)).isEqualTo(new FilterCheck.Outcome(FilterStatus.SATISFIED, 1.0));
        assertThat(outcomes.get(STATED_FEMALE).status()).isEqualTo(FilterStatus.VIOLATED);
    }

    @Test
    void theModelIsAskedOnlyAboutEntitiesWithoutAStatedValue() {
        java.util.List<Long> asked = new java.util.ArrayList<>();
        FilterCheck.check(facts, MALE, List.of(STATED_MALE, UNSTATED), (a, v, entities) -> {
            asked.addAll(entities);
            return Map.of();
        });

        assertThat(asked).containsExactly(UNSTATED);
    }

    @Test
    void evenAConfidentGuessIsOnlyGuessedWeighedByItsProbability() {
        FilterCheck.Outcome outcome = FilterCheck.check(facts, MALE, List.of(UNSTATED), (a, v, e) -> Map.of(UNSTATED, 0.95)).get(UNSTATED);

        assertThat(outcome).isEqualTo(new FilterCheck.Outcome(FilterStatus.GUESSED, 0.95));
    }

    @Test
    void aGuessThatTheValueDoesNotHoldIsGuessedWithItsSmallProbabilityNotViolated() {
        FilterCheck.Outcome outcome = FilterCheck.check(facts, MALE, List.of(UNSTATED), (a, v, e) -> Map.of(UNSTATED, 0.04)).get(UNSTATED);

        assertThat(outcome).isEqualTo(new FilterCheck.Outcome(FilterStatus.GUESSED, 0.04));
    }

    @Test
    void withoutAGuessTheFilterIsUnknownWeighedByTheSmoothedBaseRate() {
        FilterCheck.Outcome outcome = FilterCheck.check(facts, MALE, List.of(UNSTATED)).get(UNSTATED);

        // one of the two entities with a stated gender is male: (1 + 1) / (2 + 2)
        assertThat(outcome).isEqualTo(new FilterCheck.Outcome(FilterStatus.UNKNOWN, 0.5));
    }
}
