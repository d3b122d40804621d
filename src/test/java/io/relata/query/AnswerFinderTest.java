package io.relata.query;

import static io.relata.lexicon.Direction.FORWARD;
import static io.relata.lexicon.Direction.INVERSE;
import static io.relata.lexicon.Direction.SYMMETRIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.relata.facts.EntityRef;
import io.relata.facts.FactGraph;
import io.relata.lexicon.AnswerFilter;
import io.relata.lexicon.Reading;
import io.relata.lexicon.Step;
import io.relata.model.LinkQuery;
import io.relata.model.ModelStatus;
import io.relata.model.Prediction;
import io.relata.model.RelationModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnswerFinderTest {

    // A small family; gender is stated as facts whose objects are the entities "male" and "female".
    static final long TOM = 1, MARY_LEE = 2, THOMAS = 3, LEE_ANNE = 4, NICOLE = 5, RUTH = 6, GRANDMA_M = 7, CASS = 8,
            STRANGER = 9, MALE = 100, FEMALE = 101;

    static final Set<Evidence> BOTH = EnumSet.allOf(Evidence.class);
    static final Set<Evidence> STATED = EnumSet.of(Evidence.STATED);
    static final Set<Evidence> INFERRED = EnumSet.of(Evidence.INFERRED);

    static final Optional<AnswerFilter> MALE_ANSWER = Optional.of(AnswerFilter.onAnswer("gender", "male"));

    /** "son" as the shipped lexicon reads it. */
    static final List<Reading> SON = List.of(
            new Reading(List.of(new Step("mother", INVERSE)), MALE_ANSWER),
            new Reading(List.of(new Step("father", INVERSE)), MALE_ANSWER));

    /** "Whose son is X?": son turned around, so the filter is on the asked entity. */
    static final List<Reading> WHOSE_SON = SON.stream().map(Reading::turnedAround).toList();

    static final List<Reading> GRANDMOTHER = List.of(
            new Reading(List.of(new Step("mother", FORWARD), new Step("mother", FORWARD)), Optional.empty()),
            new Reading(List.of(new Step("father", FORWARD), new Step("mother", FORWARD)), Optional.empty()));

    /** Males among those with a stated gender: Tom and Thomas of seven. */
    static final double MALE_BASE_RATE = (2 + 1.0) / (7 + 2.0);

    private final FakeFacts facts = new FakeFacts();
    private final FakeModel model = new FakeModel();
    private final AnswerFinder finder = new AnswerFinder(facts, model, relation -> List.of(), 10_000, java.time.Duration.ofSeconds(5));

    @BeforeEach
    void family() {
        facts.entity(TOM, "Tom Cruise");
        facts.entity(MARY_LEE, "Mary Lee Pfeiffer");
        facts.entity(THOMAS, "Thomas Mapother III");
        facts.entity(LEE_ANNE, "Lee Anne De Vette");
        facts.entity(NICOLE, "Nicole Kidman");
        facts.entity(RUTH, "Ruth Pfeiffer");
        facts.entity(GRANDMA_M, "Grandma Mapother");
        facts.entity(CASS, "Cass Mapother");
        facts.entity(STRANGER, "A Stranger");
        facts.entity(MALE, "male");
        facts.entity(FEMALE, "female");

        facts.fact(TOM, "mother", MARY_LEE);
        facts.fact(TOM, "father", THOMAS);
        facts.fact(LEE_ANNE, "mother", MARY_LEE);
        facts.fact(CASS, "mother", MARY_LEE);
        facts.fact(MARY_LEE, "mother", RUTH);
        facts.fact(THOMAS, "mother", GRANDMA_M);
        facts.fact(TOM, "spouse", NICOLE);
        facts.fact(TOM, "gender", MALE);
        facts.fact(THOMAS, "gender", MALE);
        facts.fact(MARY_LEE, "gender", FEMALE);
        facts.fact(LEE_ANNE, "gender", FEMALE);
        facts.fact(NICOLE, "gender", FEMALE);
        facts.fact(RUTH, "gender", FEMALE);
        facts.fact(GRANDMA_M, "gender", FEMALE);
        // Cass's gender is not stated
    }

    private List<Answer> find(long entity, List<Reading> readings) {
        return finder.find(entity, readings, BOTH, 10, 0.0).answers();
    }

    private static List<Long> ids(List<Answer> answers) {
        return answers.stream().map(a -> a.entity().id()).toList();
    }

    // --- derived facts

    /** sibling = mother then back, or father then back: as the default lexicon declares it. */
    private static final List<List<Step>> SIBLING_BY_PARENTS = List.of(
            List.of(new Step("mother", FORWARD), new Step("mother", INVERSE)),
            List.of(new Step("father", FORWARD), new Step("father", INVERSE)));

    private AnswerFinder deriving() {
        return new AnswerFinder(facts, model, relation -> relation.equals("sibling") ? SIBLING_BY_PARENTS : List.of(),
                10_000, java.time.Duration.ofSeconds(5));
    }

    @Test
    void siblingsComeFromASharedParentWhereNoSiblingFactIsStated() {
        List<Answer> answers = deriving().find(TOM, List.of(Reading.of("sibling", SYMMETRIC)), BOTH, 10, 0.0).answers();

        assertThat(ids(answers)).containsExactlyInAnyOrder(LEE_ANNE, CASS);
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.evidence()).isEqualTo(Evidence.DERIVED);
            assertThat(a.confidence()).isEqualTo(1.0);
            assertThat(a.derivation()).containsExactly(new Step("mother", FORWARD), new Step("mother", INVERSE));
        });
    }

    @Test
    void aStatedSiblingIsStatedAndTheEntityIsNeverItsOwnSibling() {
        facts.fact(TOM, "sibling", CASS);

        List<Answer> answers = deriving().find(TOM, List.of(Reading.of("sibling", SYMMETRIC)), BOTH, 10, 0.0).answers();

        assertThat(answers).extracting(a -> a.entity().id(), Answer::evidence).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(CASS, Evidence.STATED),
                org.assertj.core.groups.Tuple.tuple(LEE_ANNE, Evidence.DERIVED));
        assertThat(ids(answers)).doesNotContain(TOM);
    }

    @Test
    void aDerivedStepInsideALongerPathMakesTheAnswerDerivedWithTheWholeWayWalked() {
        // Tom's mother's siblings: Mary Lee's mother Ruth has a second child, Rose; no sibling fact says so
        facts.entity(200, "Rose Pfeiffer");
        facts.fact(200, "mother", RUTH);
        Reading auntOrUncle = new Reading(List.of(new Step("mother", FORWARD), new Step("sibling", SYMMETRIC)), Optional.empty());

        List<Answer> answers = deriving().find(TOM, List.of(auntOrUncle), BOTH, 10, 0.0).answers();

        assertThat(answers).singleElement().satisfies(a -> {
            assertThat(a.entity().id()).isEqualTo(200L);
            assertThat(a.evidence()).isEqualTo(Evidence.DERIVED);
        });
    }

    @Test
    void derivationsAreLeftOutWhenEvidenceLeavesThemOut() {
        assertThat(deriving().find(TOM, List.of(Reading.of("sibling", SYMMETRIC)), STATED, 10, 0.0).answers()).isEmpty();
    }

    @Test
    void aWalkThatFansOutPastTheBoundIsRefused() {
        AnswerFinder narrow = new AnswerFinder(facts, model, relation -> List.of(), 2, java.time.Duration.ofSeconds(5));

        assertThatThrownBy(() -> narrow.find(MARY_LEE, List.of(Reading.of("mother", INVERSE)), BOTH, 10, 0.0))
                .isInstanceOf(QuestionTooBroadException.class);
    }

    // --- yes/no questions

    @Test
    void aStatedAnswerVerifiesWithFullConfidence() {
        Verification verdict = finder.verify(TOM, List.of(Reading.of("mother", FORWARD)), MARY_LEE, BOTH, 10);

        assertThat(verdict.holds()).isTrue();
        assertThat(verdict.confidence()).isEqualTo(1.0);
        assertThat(verdict.evidence()).containsExactly(Evidence.STATED);
        assertThat(verdict.support()).singleElement().satisfies(s -> {
            assertThat(s.forCandidate()).isTrue();
            assertThat(s.answer().evidence()).isEqualTo(Evidence.STATED);
        });
    }

    @Test
    void withoutAModelAFullFunctionalSlotRulesOutAnyOtherCandidate() {
        // every stated person has one mother: Nicole is not Tom's mother, and the stated one is why
        Verification verdict = finder.verify(TOM, List.of(Reading.of("mother", FORWARD)), NICOLE, BOTH, 10);

        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.confidence()).isGreaterThan(0.75);
        assertThat(verdict.evidence()).containsExactly(Evidence.STATED);
        assertThat(verdict.support()).extracting(s -> s.answer().entity().id(), Verification.Support::forCandidate)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MARY_LEE, false));
    }

    @Test
    void withoutAModelAnEmptySlotSaysNothingEitherWay() {
        Verification verdict = finder.verify(NICOLE, List.of(Reading.of("mother", FORWARD)), RUTH, BOTH, 10);

        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.confidence()).isEqualTo(0.5);
        assertThat(verdict.evidence()).isEmpty();
    }

    @Test
    void theModelJudgesACandidateItDidNotRankAmongTheBest() {
        model.loaded = true;
        model.predicts(new LinkQuery(NICOLE, "mother", false), new Prediction(RUTH, 0.8));

        Verification verdict = finder.verify(NICOLE, List.of(Reading.of("mother", FORWARD)), RUTH, BOTH, 10);

        assertThat(verdict.holds()).isTrue();
        assertThat(verdict.confidence()).isCloseTo(0.8, within(1e-9));
    }

    // --- stated facts

    @Test
    void forwardReadingFollowsTheSubjectIndex() {
        List<Answer> answers = find(TOM, List.of(Reading.of("mother", FORWARD)));

        assertThat(answers).containsExactly(new Answer(
                EntityRef.plain(MARY_LEE, "Mary Lee Pfeiffer"), 1.0, Evidence.STATED, Reading.of("mother", FORWARD),
                FilterStatus.NONE));
    }

    @Test
    void inverseReadingFollowsTheObjectIndex() {
        List<Answer> answers = find(MARY_LEE, List.of(Reading.of("mother", INVERSE)));

        assertThat(ids(answers)).containsExactlyInAnyOrder(TOM, LEE_ANNE, CASS);
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.evidence()).isEqualTo(Evidence.STATED);
            assertThat(a.confidence()).isEqualTo(1.0);
            assertThat(a.reading()).isEqualTo(Reading.of("mother", INVERSE));
        });
    }

    @Test
    void inverseReadingDoesNotFollowTheSubjectIndex() {
        assertThat(find(TOM, List.of(Reading.of("mother", INVERSE)))).isEmpty();
        assertThat(find(MARY_LEE, List.of(Reading.of("mother", FORWARD)))).extracting(a -> a.entity().id())
                .containsExactly(RUTH);
    }

    @Test
    void symmetricReadingAnswersFromEitherEnd() {
        assertThat(ids(find(TOM, List.of(Reading.of("spouse", SYMMETRIC))))).containsExactly(NICOLE);
        assertThat(ids(find(NICOLE, List.of(Reading.of("spouse", SYMMETRIC))))).containsExactly(TOM);
    }

    @Test
    void twoStepPathWalksBothSteps() {
        List<Answer> answers = find(TOM, GRANDMOTHER);

        assertThat(ids(answers)).containsExactlyInAnyOrder(RUTH, GRANDMA_M);
        assertThat(answers).filteredOn(a -> a.entity().id() == RUTH).singleElement()
                .satisfies(a -> assertThat(a.reading()).isEqualTo(GRANDMOTHER.get(0)));
        assertThat(answers).filteredOn(a -> a.entity().id() == GRANDMA_M).singleElement()
                .satisfies(a -> assertThat(a.reading()).isEqualTo(GRANDMOTHER.get(1)));
    }

    @Test
    void twoStepPathThatFindsNothingHalfwayAnswersNothing() {
        assertThat(find(RUTH, GRANDMOTHER)).isEmpty();
    }

    @Test
    void entityIsNeverItsOwnAnswer() {
        // "children of my mother" comes back to the asked entity
        Reading mothersChildren = new Reading(List.of(new Step("mother", FORWARD), new Step("mother", INVERSE)), Optional.empty());

        assertThat(ids(find(TOM, List.of(mothersChildren)))).containsExactlyInAnyOrder(LEE_ANNE, CASS);
    }

    @Test
    void entityIsNeverItsOwnAnswerEvenWithASelfLoop() {
        facts.fact(STRANGER, "spouse", STRANGER);

        assertThat(find(STRANGER, List.of(Reading.of("spouse", SYMMETRIC)))).isEmpty();
    }

    @Test
    void noReadingsNoAnswers() {
        assertThat(find(TOM, List.of())).isEmpty();
    }

    // --- filters

    @Test
    void satisfiedFilterKeepsFullConfidence() {
        Answer tom = find(MARY_LEE, SON).stream().filter(a -> a.entity().id() == TOM).findFirst().orElseThrow();

        assertThat(tom.filter()).isEqualTo(FilterStatus.SATISFIED);
        assertThat(tom.confidence()).isEqualTo(1.0);
        assertThat(tom.evidence()).isEqualTo(Evidence.STATED);
        assertThat(tom.reading()).isEqualTo(SON.get(0));
    }

    @Test
    void violatedFilterDropsTheAnswer() {
        assertThat(ids(find(MARY_LEE, SON))).doesNotContain(LEE_ANNE);
    }

    @Test
    void unknownFilterIsWeighedByTheSmoothedBaseRate() {
        Answer cass = find(MARY_LEE, SON).stream().filter(a -> a.entity().id() == CASS).findFirst().orElseThrow();

        assertThat(cass.filter()).isEqualTo(FilterStatus.UNKNOWN);
        assertThat(cass.confidence()).isCloseTo(MALE_BASE_RATE, within(1e-9));
    }

    @Test
    void unknownFilterRanksBelowSatisfied() {
        List<Answer> answers = find(MARY_LEE, SON);

        assertThat(ids(answers)).containsExactly(TOM, CASS);
        assertThat(answers.get(1).confidence()).isLessThan(answers.get(0).confidence());
    }

    @Test
    void unknownFilterWithNothingStatedWeighsOneHalf() {
        FakeFacts bare = new FakeFacts();
        bare.entity(1, "a");
        bare.entity(2, "b");
        bare.fact(2, "mother", 1);

        List<Answer> answers = new AnswerFinder(bare, model, relation -> List.of(), 10_000, java.time.Duration.ofSeconds(5)).find(1, SON, BOTH, 10, 0.0).answers();

        assertThat(answers).singleElement().satisfies(a -> {
            assertThat(a.filter()).isEqualTo(FilterStatus.UNKNOWN);
            assertThat(a.confidence()).isCloseTo(0.5, within(1e-9));
        });
    }

    @Test
    void aFilterTheModelGuessesIsGuessedWithTheGuessConditionalOnHavingAValueFoldedIn() {
        model.loaded = true;
        // the model's calibrated guesses of Cass's gender add up to 0.8: male is 0.6 of them
        model.predicts(new LinkQuery(CASS, "gender", false), new Prediction(MALE, 0.6), new Prediction(FEMALE, 0.2));

        Answer cass = find(MARY_LEE, SON).stream().filter(a -> a.entity().id() == CASS).findFirst().orElseThrow();

        assertThat(cass.filter()).isEqualTo(FilterStatus.GUESSED);
        assertThat(cass.evidence()).isEqualTo(Evidence.STATED);
        assertThat(cass.confidence()).isCloseTo(0.6 / 0.8, within(1e-9));
    }

    @Test
    void aConfidentGuessAgainstTheFilterLeavesTheAnswerBelowTheDefaultConfidence() {
        model.loaded = true;
        model.predicts(new LinkQuery(CASS, "gender", false), new Prediction(FEMALE, 0.97), new Prediction(MALE, 0.01));

        List<Answer> answers = finder.find(MARY_LEE, SON, BOTH, 10, 0.5).answers();

        assertThat(ids(answers)).containsExactly(TOM);
    }

    @Test
    void filterValueIsComparedIgnoringCase() {
        facts.entity(102, "MALE");
        facts.fact(CASS, "gender", 102);

        assertThat(find(MARY_LEE, SON)).filteredOn(a -> a.entity().id() == CASS).singleElement()
                .satisfies(a -> assertThat(a.filter()).isEqualTo(FilterStatus.SATISFIED));
    }

    @Test
    void filterOnTheEntityThatIsViolatedAnswersNothing() {
        // "Whose son is Lee Anne?": she is not male, so she is no one's son
        assertThat(find(LEE_ANNE, WHOSE_SON)).isEmpty();
    }

    @Test
    void filterOnTheEntityThatIsSatisfiedAnswersTheParents() {
        // "Whose son is Tom Cruise?"
        List<Answer> answers = find(TOM, WHOSE_SON);

        assertThat(ids(answers)).containsExactlyInAnyOrder(MARY_LEE, THOMAS);
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.filter()).isEqualTo(FilterStatus.SATISFIED);
            assertThat(a.confidence()).isEqualTo(1.0);
        });
    }

    @Test
    void filterOnTheEntityThatIsUnknownWeighsEveryAnswer() {
        // "Whose son is Cass?": the mother is stated, Cass's gender is not
        List<Answer> answers = find(CASS, WHOSE_SON);

        assertThat(answers).singleElement().satisfies(a -> {
            assertThat(a.entity().id()).isEqualTo(MARY_LEE);
            assertThat(a.filter()).isEqualTo(FilterStatus.UNKNOWN);
            assertThat(a.confidence()).isCloseTo(MALE_BASE_RATE, within(1e-9));
        });
    }

    @Test
    void filterOnTheEntityIsNotCheckedAgainstTheAnswers() {
        // Tom's parents are not male-only, yet they answer "whose son is Tom"
        assertThat(ids(find(TOM, WHOSE_SON))).contains(MARY_LEE);
    }

    // --- the model

    @Test
    void inferredAnswersAppearWhenTheModelIsLoaded() {
        model.loaded = true;
        model.predicts(new LinkQuery(LEE_ANNE, "father", false), new Prediction(THOMAS, 0.7), new Prediction(GRANDMA_M, 0.1));

        List<Answer> answers = find(LEE_ANNE, List.of(Reading.of("father", FORWARD)));

        assertThat(answers).containsExactly(
                new Answer(EntityRef.plain(THOMAS, "Thomas Mapother III"), 0.7, Evidence.INFERRED,
                        Reading.of("father", FORWARD), FilterStatus.NONE),
                new Answer(EntityRef.plain(GRANDMA_M, "Grandma Mapother"), 0.1, Evidence.INFERRED,
                        Reading.of("father", FORWARD), FilterStatus.NONE));
    }

    @Test
    void inverseReadingAsksTheModelForTheSubject() {
        model.loaded = true;
        model.predicts(new LinkQuery(THOMAS, "father", true), new Prediction(LEE_ANNE, 0.6));

        assertThat(find(THOMAS, List.of(Reading.of("father", INVERSE))))
                .extracting(a -> a.entity().id(), Answer::evidence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TOM, Evidence.STATED),
                        org.assertj.core.groups.Tuple.tuple(LEE_ANNE, Evidence.INFERRED));
        // the model is told which answers are stated already: the others are their rivals
        assertThat(model.asked).containsExactly(new LinkQuery(THOMAS, "father", true, Set.of(TOM)));
    }

    @Test
    void symmetricReadingAsksTheModelBothWays() {
        model.loaded = true;

        find(NICOLE, List.of(Reading.of("spouse", SYMMETRIC)));

        // Tom, stated as her spouse one way round, is a stated answer from either end
        assertThat(model.asked).containsExactlyInAnyOrder(
                new LinkQuery(NICOLE, "spouse", false, Set.of(TOM)), new LinkQuery(NICOLE, "spouse", true, Set.of(TOM)));
    }

    @Test
    void modelIsNotUsedWhenNotLoaded() {
        model.loaded = false;
        model.predicts(new LinkQuery(LEE_ANNE, "father", false), new Prediction(THOMAS, 0.7));

        assertThat(find(LEE_ANNE, List.of(Reading.of("father", FORWARD)))).isEmpty();
        assertThat(model.asked).isEmpty();
    }

    @Test
    void modelIsNotUsedWhenEvidenceExcludesInferred() {
        model.loaded = true;
        model.predicts(new LinkQuery(TOM, "mother", false), new Prediction(RUTH, 0.4));

        List<Answer> answers = finder.find(TOM, List.of(Reading.of("mother", FORWARD)), STATED, 10, 0.0).answers();

        assertThat(answers).extracting(Answer::evidence).containsOnly(Evidence.STATED);
        assertThat(ids(answers)).containsExactly(MARY_LEE);
        assertThat(model.asked).isEmpty();
    }

    @Test
    void statedFactsAreLeftOutWhenEvidenceIsInferredOnly() {
        model.loaded = true;
        model.predicts(new LinkQuery(TOM, "mother", false), new Prediction(RUTH, 0.4));

        List<Answer> answers = finder.find(TOM, List.of(Reading.of("mother", FORWARD)), INFERRED, 10, 0.0).answers();

        assertThat(answers).singleElement().satisfies(a -> {
            assertThat(a.entity().id()).isEqualTo(RUTH);
            assertThat(a.evidence()).isEqualTo(Evidence.INFERRED);
        });
    }

    @Test
    void statedAnswerIsNotDuplicatedByAnInferredOne() {
        model.loaded = true;
        model.predicts(new LinkQuery(TOM, "mother", false), new Prediction(MARY_LEE, 0.6), new Prediction(RUTH, 0.3));

        List<Answer> answers = find(TOM, List.of(Reading.of("mother", FORWARD)));

        assertThat(ids(answers)).containsExactly(MARY_LEE, RUTH);
        assertThat(answers.get(0).evidence()).isEqualTo(Evidence.STATED);
        assertThat(answers.get(0).confidence()).isEqualTo(1.0);
        assertThat(answers.get(1).evidence()).isEqualTo(Evidence.INFERRED);
    }

    @Test
    void answerFoundByTwoReadingsAppearsOnceWithTheBetterConfidence() {
        model.loaded = true;
        // Tom is stated through "mother<"; the model also guesses him through "father<"
        model.predicts(new LinkQuery(MARY_LEE, "father", true), new Prediction(TOM, 0.5));

        List<Answer> answers = find(MARY_LEE, SON);

        assertThat(answers).filteredOn(a -> a.entity().id() == TOM).singleElement().satisfies(a -> {
            assertThat(a.evidence()).isEqualTo(Evidence.STATED);
            assertThat(a.confidence()).isEqualTo(1.0);
        });
    }

    @Test
    void symmetricInferredAnswerTakesTheLikelierOfBothEnds() {
        model.loaded = true;
        model.predicts(new LinkQuery(NICOLE, "spouse", false), new Prediction(STRANGER, 0.2));
        model.predicts(new LinkQuery(NICOLE, "spouse", true), new Prediction(STRANGER, 0.8));

        List<Answer> answers = find(NICOLE, List.of(Reading.of("spouse", SYMMETRIC)));

        assertThat(answers).filteredOn(a -> a.entity().id() == STRANGER).singleElement().satisfies(a -> {
            assertThat(a.evidence()).isEqualTo(Evidence.INFERRED);
            assertThat(a.confidence()).isCloseTo(0.8, within(1e-9));
        });
    }

    @Test
    void symmetricStatedAnswerIsKeptOverBothInferredOnes() {
        model.loaded = true;
        model.predicts(new LinkQuery(NICOLE, "spouse", false), new Prediction(TOM, 0.3));
        model.predicts(new LinkQuery(NICOLE, "spouse", true), new Prediction(TOM, 0.7));

        assertThat(find(NICOLE, List.of(Reading.of("spouse", SYMMETRIC)))).singleElement().satisfies(a -> {
            assertThat(a.entity().id()).isEqualTo(TOM);
            assertThat(a.evidence()).isEqualTo(Evidence.STATED);
            assertThat(a.confidence()).isEqualTo(1.0);
        });
    }

    @Test
    void modelNeverAnswersWithTheEntityItself() {
        model.loaded = true;
        model.predicts(new LinkQuery(LEE_ANNE, "father", false), new Prediction(LEE_ANNE, 0.9), new Prediction(THOMAS, 0.5));

        assertThat(ids(find(LEE_ANNE, List.of(Reading.of("father", FORWARD))))).containsExactly(THOMAS);
    }

    @Test
    void modelIsAskedForOneMoreThanTheLimitSinceTheEntityMayBeAmongThem() {
        model.loaded = true;

        finder.find(LEE_ANNE, List.of(Reading.of("father", FORWARD)), BOTH, 3, 0.0);

        assertThat(model.lastK).isEqualTo(4);
    }

    @Test
    void modelIsNotAskedForMultiStepReadings() {
        model.loaded = true;

        find(TOM, GRANDMOTHER);

        assertThat(model.asked).isEmpty();
    }

    @Test
    void inferredAnswersAreFilteredToo() {
        model.loaded = true;
        model.predicts(new LinkQuery(NICOLE, "mother", true),
                new Prediction(LEE_ANNE, 0.8), new Prediction(THOMAS, 0.6), new Prediction(STRANGER, 0.4));

        List<Answer> answers = finder.find(NICOLE, SON, BOTH, 10, 0.0).answers();

        assertThat(ids(answers)).containsExactly(THOMAS, STRANGER);
        assertThat(answers.get(0).filter()).isEqualTo(FilterStatus.SATISFIED);
        assertThat(answers.get(0).confidence()).isCloseTo(0.6, within(1e-9));
        assertThat(answers.get(1).filter()).isEqualTo(FilterStatus.UNKNOWN);
        assertThat(answers.get(1).confidence()).isCloseTo(0.4 * MALE_BASE_RATE, within(1e-9));
    }

    // --- options and order

    @Test
    void minConfidenceLeavesOutWeakerAnswers() {
        List<Answer> answers = finder.find(MARY_LEE, SON, BOTH, 10, 0.5).answers();

        assertThat(ids(answers)).containsExactly(TOM);
    }

    @Test
    void minConfidenceIsInclusive() {
        List<Answer> answers = finder.find(MARY_LEE, SON, BOTH, 10, MALE_BASE_RATE).answers();

        assertThat(ids(answers)).containsExactly(TOM, CASS);
    }

    @Test
    void limitKeepsTheBestAnswers() {
        model.loaded = true;
        model.predicts(new LinkQuery(MARY_LEE, "mother", true), new Prediction(STRANGER, 0.9), new Prediction(NICOLE, 0.2));

        List<Answer> answers = finder.find(MARY_LEE, List.of(Reading.of("mother", INVERSE)), BOTH, 4, 0.0).answers();

        assertThat(answers).hasSize(4);
        assertThat(answers).extracting(Answer::evidence).startsWith(Evidence.STATED, Evidence.STATED, Evidence.STATED);
        assertThat(ids(answers).get(3)).isEqualTo(STRANGER);
        assertThat(finder.find(MARY_LEE, List.of(Reading.of("mother", INVERSE)), BOTH, 1, 0.0).answers()).hasSize(1);
    }

    @Test
    void answersAreSortedByConfidenceDescending() {
        model.loaded = true;
        model.predicts(new LinkQuery(MARY_LEE, "mother", true),
                new Prediction(STRANGER, 0.9), new Prediction(THOMAS, 0.3), new Prediction(NICOLE, 0.2));
        model.predicts(new LinkQuery(MARY_LEE, "father", true), new Prediction(GRANDMA_M, 0.95));

        List<Answer> answers = find(MARY_LEE, SON);

        assertThat(answers).isSortedAccordingTo(Comparator.comparingDouble(Answer::confidence).reversed());
        assertThat(ids(answers).get(0)).isEqualTo(TOM);
        assertThat(ids(answers)).doesNotContain(NICOLE, GRANDMA_M, LEE_ANNE);
    }

    @Test
    void equallyConfidentAnswersAreOrderedByLabel() {
        List<Answer> answers = find(MARY_LEE, List.of(Reading.of("mother", INVERSE)));

        assertThat(answers).extracting(a -> a.entity().label())
                .containsExactly("Cass Mapother", "Lee Anne De Vette", "Tom Cruise");
    }

    /** Facts held in a list; gender and other attributes are facts whose objects' labels are the values. */
    static final class FakeFacts implements FactGraph {

        private record Fact(long subject, String relation, long object) {}

        private final List<Fact> facts = new ArrayList<>();
        private final Map<Long, String> labels = new HashMap<>();

        void entity(long id, String label) {
            labels.put(id, label);
        }

        void fact(long subject, String relation, long object) {
            facts.add(new Fact(subject, relation, object));
        }

        @Override
        public Map<Long, Set<Long>> objectsOf(Collection<Long> subjects, String relation) {
            Map<Long, Set<Long>> result = new LinkedHashMap<>();
            for (Fact f : facts) {
                if (f.relation().equals(relation) && subjects.contains(f.subject())) {
                    result.computeIfAbsent(f.subject(), s -> new LinkedHashSet<>()).add(f.object());
                }
            }
            return result;
        }

        @Override
        public Map<Long, Set<Long>> subjectsOf(Collection<Long> objects, String relation) {
            Map<Long, Set<Long>> result = new LinkedHashMap<>();
            for (Fact f : facts) {
                if (f.relation().equals(relation) && objects.contains(f.object())) {
                    result.computeIfAbsent(f.object(), o -> new LinkedHashSet<>()).add(f.subject());
                }
            }
            return result;
        }

        @Override
        public Map<Long, Set<String>> attributeValues(Collection<Long> entities, String attribute) {
            Map<Long, Set<String>> result = new HashMap<>();
            objectsOf(entities, attribute).forEach((entity, values) ->
                    result.put(entity, values.stream().map(labels::get).collect(java.util.stream.Collectors.toSet())));
            return result;
        }

        @Override
        public AttributeCounts attributeCounts(String attribute, String value) {
            Map<Long, Set<String>> all = attributeValues(labels.keySet(), attribute);
            long withValue = all.values().stream()
                    .filter(v -> v.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))))
                    .count();
            return new AttributeCounts(withValue, all.size());
        }

        @Override
        public List<Long> slotSizes(String relation, boolean inverse, int buckets) {
            Map<Long, Integer> slots = new HashMap<>();
            facts.stream().filter(f -> f.relation().equals(relation))
                    .forEach(f -> slots.merge(inverse ? f.object() : f.subject(), 1, Integer::sum));
            Long[] sizes = new Long[buckets];
            java.util.Arrays.fill(sizes, 0L);
            slots.values().forEach(n -> sizes[Math.min(n, buckets) - 1]++);
            return List.of(sizes);
        }

        @Override
        public Map<Long, String> labels(Collection<Long> entities) {
            Map<Long, String> result = new HashMap<>();
            entities.forEach(e -> result.put(e, labels.get(e)));
            return result;
        }

        @Override
        public Map<Long, io.relata.facts.EntityRef> entities(Collection<Long> entities) {
            Map<Long, io.relata.facts.EntityRef> result = new HashMap<>();
            labels(entities).forEach((id, label) -> result.put(id, io.relata.facts.EntityRef.plain(id, label)));
            return result;
        }

        @Override
        public long factCount() {
            return facts.size();
        }

        @Override
        public void forEachFact(FactVisitor visitor) {
            facts.forEach(f -> visitor.fact(f.subject(), f.relation(), f.object()));
        }
    }

    /** A model that answers what it was told to (whatever the stated answers it is told), and records what it was asked. */
    static final class FakeModel implements RelationModel {

        boolean loaded;
        final Map<LinkQuery, List<Prediction>> predictions = new HashMap<>();
        final List<LinkQuery> asked = new ArrayList<>();
        int lastK;

        void predicts(LinkQuery query, Prediction... best) {
            predictions.put(query, List.of(best));
        }

        @Override
        public ModelStatus status() {
            return loaded ? ModelStatus.loaded("test-1", "cpu") : ModelStatus.none();
        }

        @Override
        public List<List<Prediction>> predict(List<LinkQuery> queries, int k) {
            asked.addAll(queries);
            lastK = k;
            return queries.stream()
                    .map(q -> predictions.getOrDefault(new LinkQuery(q.entityId(), q.relation(), q.inverse()), List.of()).stream()
                            .sorted(Comparator.comparingDouble(Prediction::probability).reversed())
                            .limit(k)
                            .toList())
                    .toList();
        }

        @Override
        public boolean knowsEntity(long entityId) {
            return true;
        }
    }
}
