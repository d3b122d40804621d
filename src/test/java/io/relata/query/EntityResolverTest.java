package io.relata.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.relata.InvalidInputException;
import io.relata.RelataProperties;
import io.relata.facts.EntityDirectory;
import io.relata.facts.EntityRef;
import io.relata.facts.Labels;
import io.relata.facts.NameWords;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntityResolverTest {

    /** The defaults of RelataProperties' @DefaultValue annotations. */
    static final RelataProperties DEFAULTS = io.relata.TestProperties.relata("model.device", "cpu");

    private final FakeDirectory directory = new FakeDirectory();
    private final EntityResolver resolver = new EntityResolver(directory, DEFAULTS);

    @Test
    void exactLabelResolves() {
        EntityRef tom = directory.add(1, "Tom Cruise");

        assertThat(resolver.resolve("Tom Cruise")).isEqualTo(new ResolvedEntity(tom, "Tom Cruise", MatchKind.EXACT));
    }

    @Test
    void aLabelTwoPeopleShareIsAmbiguousAndListsBothWithTheirKeysAndDescriptions() {
        EntityRef princessRoyal = directory.add(new EntityRef(3, "royal:I3", "Victoria Saxe-Coburg-Gotha", "1840–1901"));
        EntityRef herNiece = directory.add(new EntityRef(10, "royal:I10", "Victoria Saxe-Coburg-Gotha", "1868–1935"));

        UnknownEntityException e = catchThrowableOfType(UnknownEntityException.class,
                () -> resolver.resolve("Victoria Saxe-Coburg-Gotha"));

        assertThat(e.ambiguous()).isTrue();
        assertThat(e.candidates()).containsExactly(princessRoyal, herNiece);
    }

    @Test
    void aKeyNamesItsEntityAmongHomonyms() {
        directory.add(new EntityRef(3, "royal:I3", "Victoria Saxe-Coburg-Gotha", "1840–1901"));
        EntityRef herNiece = directory.add(new EntityRef(10, "royal:I10", "Victoria Saxe-Coburg-Gotha", "1868–1935"));

        assertThat(resolver.resolve("royal:I10")).isEqualTo(new ResolvedEntity(herNiece, "royal:I10", MatchKind.KEY));
    }

    @Test
    void aPlainEntitysKeyIsItsLabelSoItDoesNotSettleALabelOthersShare() {
        directory.add(1, "Mary");
        directory.add(new EntityRef(5, "royal:I5", "Mary", "b. 1897"));

        assertThat(catchThrowableOfType(UnknownEntityException.class, () -> resolver.resolve("Mary")).ambiguous()).isTrue();
    }

    @Test
    void exactLabelWinsOverAnotherEntitysAlias() {
        EntityRef paris = directory.add(1, "Paris");
        directory.add(2, "Paris Hilton", "Paris");
        directory.add(3, "paris");

        assertThat(resolver.resolve("Paris")).isEqualTo(new ResolvedEntity(paris, "Paris", MatchKind.EXACT));
    }

    @Test
    void aTitleBeforeANameTheDirectoryHoldsWithoutItStillFindsTheEntity() {
        EntityRef elizabeth = directory.add(1, "Elizabeth II");
        EntityRef charles = directory.add(2, "Charles III");
        directory.add(3, "Elizabeth Bowes-Lyon");

        assertThat(resolver.resolve("Queen Elizabeth II").entity()).isEqualTo(elizabeth);
        assertThat(resolver.resolve("Queen Elizabeth II").match()).isEqualTo(MatchKind.TOKEN);
        assertThat(resolver.resolve("King Charles").entity()).isEqualTo(charles);
        // a title in front of a name that is still ambiguous, or unknown, stays a 404
        assertThatThrownBy(() -> resolver.resolve("Queen Elizabeth")).isInstanceOf(UnknownEntityException.class);
        assertThatThrownBy(() -> resolver.resolve("King Nobody")).isInstanceOf(UnknownEntityException.class);
    }

    @Test
    void aliasResolves() {
        EntityRef tom = directory.add(1, "Tom Cruise", "Thomas Cruise Mapother IV");
        directory.add(2, "Thomas Mapother");

        assertThat(resolver.resolve("Thomas Cruise Mapother IV"))
                .isEqualTo(new ResolvedEntity(tom, "Thomas Cruise Mapother IV", MatchKind.ALIAS));
    }

    @Test
    void aliasOfTwoEntitiesIsAmbiguous() {
        EntityRef senior = directory.add(1, "Joseph P. Kennedy Sr.", "Joe Kennedy");
        EntityRef junior = directory.add(2, "Joseph P. Kennedy Jr.", "Joe Kennedy");

        UnknownEntityException e = catchThrowableOfType(UnknownEntityException.class, () -> resolver.resolve("Joe Kennedy"));

        assertThat(e.ambiguous()).isTrue();
        assertThat(e.mention()).isEqualTo("Joe Kennedy");
        assertThat(e.candidates()).containsExactly(senior, junior);
    }

    @Test
    void labelThatDiffersInCaseAccentsAndPunctuationResolvesFolded() {
        EntityRef helene = directory.add(1, "Hélène Langevin-Joliot");
        EntityRef tom = directory.add(2, "Tom Cruise");

        assertThat(resolver.resolve("HELENE langevin joliot"))
                .isEqualTo(new ResolvedEntity(helene, "HELENE langevin joliot", MatchKind.FOLDED));
        assertThat(resolver.resolve("tom cruise")).isEqualTo(new ResolvedEntity(tom, "tom cruise", MatchKind.FOLDED));
    }

    @Test
    void aliasThatDiffersInCaseResolvesFolded() {
        EntityRef tom = directory.add(1, "Tom Cruise", "Thomas Cruise Mapother IV");

        assertThat(resolver.resolve("thomas cruise mapother iv").match()).isEqualTo(MatchKind.FOLDED);
        assertThat(resolver.resolve("thomas cruise mapother iv").entity()).isEqualTo(tom);
    }

    @Test
    void twoLabelsThatFoldAlikeAreAmbiguous() {
        EntityRef first = directory.add(1, "Jose Garcia");
        EntityRef second = directory.add(2, "José García");

        UnknownEntityException e = catchThrowableOfType(UnknownEntityException.class, () -> resolver.resolve("jose garcia"));

        assertThat(e.ambiguous()).isTrue();
        assertThat(e.candidates()).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void typoResolvesFuzzy() {
        EntityRef tom = directory.add(1, "Tom Cruise");
        directory.add(2, "Tom Hanks");
        directory.add(3, "Penélope Cruz");

        assertThat(resolver.resolve("Tom Crusie")).isEqualTo(new ResolvedEntity(tom, "Tom Crusie", MatchKind.FUZZY));
    }

    @Test
    void typoResolvesFuzzyWhenTheRunnerUpIsClearlyFurther() {
        EntityRef tom = directory.add(1, "Tom Cruise");
        directory.add(2, "Tom Cruz");

        assertThat(resolver.resolve("tom crusie").entity()).isEqualTo(tom);
    }

    @Test
    void twoEquallyCloseLabelsAreAmbiguous() {
        EntityRef jan = directory.add(1, "Jan Smith");
        EntityRef jon = directory.add(2, "Jon Smith");
        directory.add(3, "Mary Lee Pfeiffer");

        UnknownEntityException e = catchThrowableOfType(UnknownEntityException.class, () -> resolver.resolve("Jen Smith"));

        assertThat(e.ambiguous()).isTrue();
        assertThat(e.mention()).isEqualTo("Jen Smith");
        assertThat(e.candidates()).containsExactly(jan, jon);
    }

    @Test
    void unknownMentionListsCloseCandidates() {
        EntityRef tom = directory.add(1, "Tom Cruise");
        directory.add(2, "Mary Lee Pfeiffer");

        UnknownEntityException e = catchThrowableOfType(UnknownEntityException.class, () -> resolver.resolve("Tom Crooze"));

        assertThat(e.ambiguous()).isFalse();
        assertThat(e.mention()).isEqualTo("Tom Crooze");
        assertThat(e.candidates()).containsExactly(tom);
        assertThat(e).hasMessageContaining("Tom Crooze");
    }

    @Test
    void unknownMentionWithNothingCloseHasNoCandidates() {
        directory.add(1, "Tom Cruise");

        UnknownEntityException e = catchThrowableOfType(UnknownEntityException.class, () -> resolver.resolve("Zebulon Pike"));

        assertThat(e.ambiguous()).isFalse();
        assertThat(e.candidates()).isEmpty();
    }

    @Test
    void candidatesAreTheClosestFirstAndAtMostMaxCandidates() {
        for (int i = 0; i < 8; i++) {
            directory.add(i + 1, "Tom Cruise" + "x".repeat(i + 3)); // each below the fuzzy threshold
        }

        UnknownEntityException e = catchThrowableOfType(UnknownEntityException.class, () -> resolver.resolve("Tom Cruise"));

        assertThat(e.ambiguous()).isFalse();
        assertThat(e.candidates()).hasSize(DEFAULTS.query().maxCandidates());
        assertThat(e.candidates()).extracting(EntityRef::id).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void mentionWhoseWordsAreAllInOneLabelResolvesTokenWise() {
        EntityRef diana = directory.add(1, "Diana, Princess of Wales");
        directory.add(2, "Princess Anne");
        directory.add(3, "Diana Ross");

        MentionMatch match = resolver.match("Princess Diana");

        assertThat(match.entity()).contains(new ResolvedEntity(diana, "Princess Diana", MatchKind.TOKEN));
        assertThat(match.score()).isCloseTo(0.6 + 0.3 * 2 / 4, within(1e-9));
        assertThat(resolver.resolve("princess diana").entity()).isEqualTo(diana);
    }

    @Test
    void possessiveAndArticleDoNotCountAgainstATokenMatch() {
        EntityRef marie = directory.add(1, "Marie Curie");
        directory.add(2, "Pierre Curie");
        directory.add(3, "Irène Joliot-Curie");

        assertThat(resolver.resolve("Marie Curie's")).isEqualTo(new ResolvedEntity(marie, "Marie Curie's", MatchKind.TOKEN));
        assertThat(resolver.resolve("the Marie Curie").entity()).isEqualTo(marie);
    }

    @Test
    void aWordThatOnlyOneEntityHasResolvesToIt() {
        EntityRef marie = directory.add(1, "Marie Curie");
        directory.add(2, "Tom Cruise");

        assertThat(resolver.resolve("Curie")).isEqualTo(new ResolvedEntity(marie, "Curie", MatchKind.TOKEN));
    }

    @Test
    void aWordThatSeveralEntitiesHaveIsAmbiguousWithThemAsCandidates() {
        EntityRef marie = directory.add(1, "Marie Curie");
        EntityRef pierre = directory.add(2, "Pierre Curie");
        directory.add(3, "Tom Cruise");

        UnknownEntityException e = catchThrowableOfType(UnknownEntityException.class, () -> resolver.resolve("Curie"));

        assertThat(e.ambiguous()).isTrue();
        assertThat(e.candidates()).containsExactly(marie, pierre);
    }

    @Test
    void theNameThatIsExactlyTheMentionsWordsWinsOverLongerNamesWithThem() {
        EntityRef marie = directory.add(1, "Marie Curie");
        directory.add(2, "Marie Curie Avenue");

        assertThat(resolver.resolve("Curie Marie")).isEqualTo(new ResolvedEntity(marie, "Curie Marie", MatchKind.TOKEN));
    }

    @Test
    void aTokenMatchAlsoGoesThroughAliases() {
        EntityRef tom = directory.add(1, "Tom Cruise", "Thomas Cruise Mapother IV");
        directory.add(2, "Thomas Cruise Mapother III");

        assertThat(resolver.resolve("Mapother IV")).isEqualTo(new ResolvedEntity(tom, "Mapother IV", MatchKind.TOKEN));
    }

    @Test
    void aSingleFullMatchInAPoolReadOnlyInPartIsACandidateNotAnAnswer() {
        EntityRef marie = directory.add(1, "Marie Curie");
        directory.complete = false;

        UnknownEntityException e = catchThrowableOfType(UnknownEntityException.class, () -> resolver.resolve("Curie"));

        assertThat(e.ambiguous()).isTrue();
        assertThat(e.candidates()).containsExactly(marie);
    }

    @Test
    void misspeltNamesResolveFuzzyWithTheirSimilarityAsScore() {
        EntityRef tom = directory.add(1, "Tom Cruise");
        EntityRef mary = directory.add(2, "Mary Lee Pfeiffer");
        directory.add(3, "Tom Hanks");

        MentionMatch cruse = resolver.match("Tom Cruse");
        assertThat(cruse.entity()).contains(new ResolvedEntity(tom, "Tom Cruse", MatchKind.FUZZY));
        assertThat(cruse.score()).isCloseTo(0.9, within(1e-9));
        assertThat(resolver.resolve("Mary Lee Pfeifer").entity()).isEqualTo(mary);
    }

    @Test
    void aNameThatDiffersInANumberIsACandidateNotAFuzzyMatch() {
        EntityRef apollo = directory.add(1, "Apollo 11");

        UnknownEntityException e = catchThrowableOfType(UnknownEntityException.class, () -> resolver.resolve("Apollo 13"));

        assertThat(e.ambiguous()).isFalse();
        assertThat(e.candidates()).containsExactly(apollo);
        assertThat(resolver.resolve("Apolo 11").entity()).isEqualTo(apollo);
    }

    @Test
    void matchScoresExactAliasAndFoldedMatches() {
        EntityRef tom = directory.add(1, "Tom Cruise", "Thomas Cruise Mapother IV");

        assertThat(resolver.match("Tom Cruise").score()).isEqualTo(1.0);
        assertThat(resolver.match("Thomas Cruise Mapother IV").entity().map(ResolvedEntity::match)).contains(MatchKind.ALIAS);
        MentionMatch folded = resolver.match("TOM CRUISE");
        assertThat(folded.entity()).contains(new ResolvedEntity(tom, "TOM CRUISE", MatchKind.FOLDED));
        assertThat(folded.score()).isEqualTo(0.95);
    }

    @Test
    void matchOfAnUnknownMentionHasNoEntityAndDoesNotThrow() {
        directory.add(1, "Tom Cruise");

        MentionMatch match = resolver.match("Zebulon Pike");

        assertThat(match.entity()).isEmpty();
        assertThat(match.ambiguous()).isFalse();
        assertThat(match.candidates()).isEmpty();
    }

    @Test
    void unknownMentionListsTheNearestBySharedWordsAndBySpelling() {
        EntityRef diana = directory.add(1, "Diana, Princess of Wales");
        EntityRef dina = directory.add(2, "Dina Frisk");
        directory.add(3, "Tom Cruise");

        UnknownEntityException e = catchThrowableOfType(UnknownEntityException.class, () -> resolver.resolve("Diana Frost"));

        assertThat(e.ambiguous()).isFalse();
        assertThat(e.candidates()).containsExactly(dina, diana);
    }

    @Test
    void aMentionLongerThanAnyLabelIsRefusedBeforeAnyLookup() {
        directory.add(1, "Tom Cruise");
        String huge = "Tom Cruise ".repeat(9000);

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> resolver.resolve(huge));

        assertThat(e.getMessage()).contains("at most 500 characters").contains(String.valueOf(huge.length()));
        assertThat(e.getMessage().length()).isLessThan(300);
        assertThat(directory.lookups).isZero();
        assertThat(resolver.match(huge).entity()).isEmpty();
        assertThat(directory.lookups).isZero();
    }

    @Test
    void theProblemOfAnUnknownLongMentionShowsOnlyItsStart() {
        String mention = "Zebulon Pike ".repeat(30).strip();

        UnknownEntityException e = catchThrowableOfType(UnknownEntityException.class, () -> resolver.resolve(mention));

        assertThat(e.mention()).isEqualTo(mention);
        assertThat(e.getMessage()).hasSizeLessThan(150).contains("…");
    }

    @Test
    void emptyDirectoryKnowsNoOne() {
        UnknownEntityException e = catchThrowableOfType(UnknownEntityException.class, () -> resolver.resolve("Tom Cruise"));

        assertThat(e.candidates()).isEmpty();
    }

    /** An in-memory directory that, like the store, cleans labels and aliases and folds keys with {@link Labels}. */
    static final class FakeDirectory implements EntityDirectory {

        private final Map<EntityRef, List<String>> aliases = new LinkedHashMap<>();
        /** Whether withWords answers a pool read in full. */
        boolean complete = true;
        /** Lookups answered so far. */
        int lookups;

        EntityRef add(long id, String label, String... aliasesOf) {
            return add(EntityRef.plain(id, label), aliasesOf);
        }

        EntityRef add(EntityRef entity, String... aliasesOf) {
            aliases.put(entity, Arrays.stream(aliasesOf).map(Labels::clean).toList());
            return entity;
        }

        @Override
        public Optional<EntityRef> byEntityKey(String key) {
            return aliases.keySet().stream().filter(e -> e.key().equals(key.strip())).findFirst();
        }

        @Override
        public List<EntityRef> byLabel(String label, int limit) {
            lookups++;
            return aliases.keySet().stream().filter(e -> e.label().equals(Labels.clean(label))).limit(limit).toList();
        }

        @Override
        public List<EntityRef> byAlias(String alias) {
            return aliases.entrySet().stream()
                    .filter(e -> e.getValue().contains(Labels.clean(alias)))
                    .map(Map.Entry::getKey)
                    .toList();
        }

        @Override
        public List<EntityRef> byKey(String key) {
            return aliases.entrySet().stream()
                    .filter(e -> Labels.key(e.getKey().label()).equals(key)
                            || e.getValue().stream().anyMatch(a -> Labels.key(a).equals(key)))
                    .map(Map.Entry::getKey)
                    .toList();
        }

        @Override
        public NamePool withWords(List<String> words, int limit) {
            return new NamePool(names().stream()
                    .filter(name -> NameWords.of(name.key()).stream().anyMatch(words::contains))
                    .toList(), complete);
        }

        @Override
        public NamePool spelledLike(String key, int limit) {
            return new NamePool(names(), true);
        }

        private List<KeyedEntity> names() {
            List<KeyedEntity> names = new ArrayList<>();
            aliases.forEach((entity, aliasesOf) -> {
                names.add(new KeyedEntity(entity, Labels.key(entity.label())));
                aliasesOf.forEach(alias -> names.add(new KeyedEntity(entity, Labels.key(alias))));
            });
            return names;
        }
    }
}
