package io.relata.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.relata.RelataProperties;
import io.relata.facts.EntityDirectory;
import io.relata.facts.EntityRef;
import io.relata.facts.Labels;
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
    static final RelataProperties DEFAULTS = new RelataProperties(
            Path.of("./relata-data"),
            new RelataProperties.Demo(true),
            new RelataProperties.Ingest(1000, 10000, 1000, 500),
            new RelataProperties.Query(10, 1000, 1000, 100, 10485760L, 64, Duration.ofSeconds(2), 5, 0.8, 0.5, 10_000, Duration.ofSeconds(5)),
            new RelataProperties.Lexicon(Duration.ofSeconds(10)),
            new RelataProperties.Model(false, "cpu", 64, java.time.Duration.ofMillis(2), 4096, false, Duration.ofSeconds(30)), new RelataProperties.Security(false, java.util.List.of(), java.util.List.of()),
                RelataProperties.Role.ALL, null);

    private final FakeDirectory directory = new FakeDirectory();
    private final EntityResolver resolver = new EntityResolver(directory, DEFAULTS);

    @Test
    void exactLabelResolves() {
        EntityRef tom = directory.add(1, "Tom Cruise");

        assertThat(resolver.resolve("Tom Cruise")).isEqualTo(new ResolvedEntity(tom, "Tom Cruise", MatchKind.EXACT));
    }

    @Test
    void exactLabelWinsOverAnotherEntitysAlias() {
        EntityRef paris = directory.add(1, "Paris");
        directory.add(2, "Paris Hilton", "Paris");
        directory.add(3, "paris");

        assertThat(resolver.resolve("Paris")).isEqualTo(new ResolvedEntity(paris, "Paris", MatchKind.EXACT));
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
    void emptyDirectoryKnowsNoOne() {
        UnknownEntityException e = catchThrowableOfType(UnknownEntityException.class, () -> resolver.resolve("Tom Cruise"));

        assertThat(e.candidates()).isEmpty();
    }

    /** An in-memory directory that, like the store, cleans labels and aliases and folds keys with {@link Labels}. */
    static final class FakeDirectory implements EntityDirectory {

        private final Map<EntityRef, List<String>> aliases = new LinkedHashMap<>();

        EntityRef add(long id, String label, String... aliasesOf) {
            EntityRef entity = new EntityRef(id, label);
            aliases.put(entity, Arrays.stream(aliasesOf).map(Labels::clean).toList());
            return entity;
        }

        @Override
        public Optional<EntityRef> byLabel(String label) {
            return aliases.keySet().stream().filter(e -> e.label().equals(Labels.clean(label))).findFirst();
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
        public List<KeyedEntity> withWordPrefixes(List<String> prefixes, int limit) {
            List<KeyedEntity> found = new ArrayList<>();
            for (EntityRef entity : aliases.keySet()) {
                String key = Labels.key(entity.label());
                if (Arrays.stream(key.split(" ")).anyMatch(word -> prefixes.stream().anyMatch(word::startsWith))) {
                    found.add(new KeyedEntity(entity, key));
                }
            }
            return found.subList(0, Math.min(limit, found.size()));
        }
    }
}
