package io.relata.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.RelataProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The matching steps on a small fixed lexicon, with a stand-in embedding model whose vectors the test chooses. */
class ParaphraseMatcherTest {

    static final RelataProperties.Paraphrases ON = new RelataProperties.Paraphrases(true, 0.75, 0.03, 100);

    static final Reading MOTHER = Reading.of("mother", Direction.FORWARD);
    static final List<Reading> CHILD = List.of(Reading.of("mother", Direction.INVERSE), Reading.of("father", Direction.INVERSE));
    static final List<Reading> SON = List.of(
            new Reading(List.of(new Step("mother", Direction.INVERSE)), Optional.of(AnswerFilter.onAnswer("gender", "male"))));

    final Map<String, List<Reading>> phrases = new LinkedHashMap<>(Map.of(
            "mother", List.of(MOTHER),
            "mom", List.of(MOTHER),
            "child", CHILD,
            "son", SON,
            "grandchild", List.of(new Reading(List.of(new Step("mother", Direction.INVERSE), new Step("mother", Direction.INVERSE)), Optional.empty())),
            "sister", List.of(new Reading(List.of(new Step("sibling", Direction.SYMMETRIC)), Optional.of(AnswerFilter.onAnswer("gender", "female")))),
            "films directed by", List.of(Reading.of("director", Direction.INVERSE))));
    final List<RelationInfo> relations = new ArrayList<>(List.of(
            new RelationInfo("mother", false, null, "builtin"),
            new RelationInfo("father", false, null, "builtin"),
            new RelationInfo("director", false, null, "user")));

    final StandInModel model = new StandInModel();

    ParaphraseMatcher matcher(RelataProperties.Paraphrases settings) {
        return new ParaphraseMatcher(() -> Map.copyOf(phrases), () -> List.copyOf(relations), () -> model, settings);
    }

    ParaphraseMatcher loaded() {
        ParaphraseMatcher matcher = matcher(ON);
        matcher.load();
        return matcher;
    }

    @Test
    void aKnownPhraseIsItselfInAnyCaseOrNumber() {
        PhraseMatch match = loaded().match("  The Mothers ").orElseThrow();
        assertThat(match.knownPhrase()).isEqualTo("mother");
        assertThat(match.basis()).isEqualTo(PhraseMatch.Basis.KNOWN);
        assertThat(match.similarity()).isEqualTo(1.0);
        assertThat(match.readings()).containsExactly(MOTHER);
    }

    @Test
    void aRelationNameWithoutPhrasesIsKnownAsItsOwnReading() {
        PhraseMatch match = loaded().match("father").orElseThrow();
        assertThat(match.basis()).isEqualTo(PhraseMatch.Basis.KNOWN);
        assertThat(match.readings()).containsExactly(Reading.of("father", Direction.FORWARD));
    }

    @Test
    void aPhraseWrittenWithOtherSpacesOrHyphensIsReadByItsSpelling() {
        ParaphraseMatcher matcher = loaded();
        assertThat(matcher.match("grand child").orElseThrow().knownPhrase()).isEqualTo("grandchild");
        assertThat(matcher.match("Grand-Childs").orElseThrow().knownPhrase()).isEqualTo("grandchild");
        assertThat(matcher.match("grand child").orElseThrow().basis()).isEqualTo(PhraseMatch.Basis.SPELLING);
    }

    @Test
    void aMisspeltPhraseIsReadAsTheKnownOneAKeyboardSlipAway() {
        ParaphraseMatcher matcher = loaded();
        PhraseMatch match = matcher.match("mohter").orElseThrow();
        assertThat(match.knownPhrase()).isEqualTo("mother");
        assertThat(match.basis()).isEqualTo(PhraseMatch.Basis.SPELLING);
        assertThat(match.similarity()).isLessThan(1.0);
        assertThat(matcher.match("grnadchild").orElseThrow().knownPhrase()).isEqualTo("grandchild");
    }

    @Test
    void aRealWordIsNotTakenForAMisspelling() {
        // "sitter" is a word the model knows whole, one letter from "sister"
        assertThat(loaded().match("sitter")).isEmpty();
    }

    @Test
    void aShortWordOneLetterSwappedForAnotherIsNotCorrected() {
        // "sistar" is no word, but a substitution in a word of under 7 letters is too often another word
        assertThat(loaded().match("sistar")).isEmpty();
        assertThat(loaded().match("sistr").orElseThrow().knownPhrase()).isEqualTo("sister");
    }

    @Test
    void aKnownPhraseWithOtherWordsAroundItIsRefusedHoweverCloseItsEmbedding() {
        model.vectors.put("step mother", vector(0.99, 0.1));
        ParaphraseMatcher matcher = loaded();
        assertThat(matcher.assess("step mother").refusal()).isEqualTo(ParaphraseMatcher.Refusal.BUILT_ON_KNOWN);
        assertThat(matcher.match("step mother")).isEmpty();
        assertThat(matcher.nearest("step mother", 3).get(0).knownPhrase()).isEqualTo("mother");
    }

    @Test
    void aPhraseCloseInMeaningIsReadAsTheNearestKnownPhraseWithItsDirection() {
        PhraseMatch match = loaded().match("offspring").orElseThrow();
        assertThat(match.knownPhrase()).isEqualTo("child");
        assertThat(match.basis()).isEqualTo(PhraseMatch.Basis.MEANING);
        assertThat(match.similarity()).isGreaterThan(0.9);
        assertThat(match.readings()).isEqualTo(CHILD);
        assertThat(match.direction()).isEqualTo(Direction.INVERSE);
    }

    @Test
    void aParaphraseOfAConversePhraseCarriesItsInverseReading() {
        PhraseMatch match = loaded().match("films made by").orElseThrow();
        assertThat(match.knownPhrase()).isEqualTo("films directed by");
        assertThat(match.direction()).isEqualTo(Direction.INVERSE);
    }

    @Test
    void aPhraseBelowTheThresholdIsNotMatchedButItsNearestPhrasesAreListed() {
        model.vectors.put("nanny", vector(0.6, 0, 0, 0, 0, 0, 0, 0, 0.8));
        ParaphraseMatcher matcher = loaded();
        assertThat(matcher.match("nanny")).isEmpty();
        assertThat(matcher.match("boss")).isEmpty();
        List<PhraseMatch> nearest = matcher.nearest("nanny", 2);
        assertThat(nearest).hasSize(2);
        assertThat(nearest.get(0).knownPhrase()).isIn("mother", "mom");
        assertThat(nearest.get(0).similarity()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aPhraseAsCloseToTwoDifferentReadingsIsNotMatched() {
        // equally near "son" and "child": above the threshold, but no margin between two readings
        model.vectors.put("kin", vector(0, 0, 1.5, 0.866));
        ParaphraseMatcher matcher = loaded();
        ParaphraseMatcher.Assessment kin = matcher.assess("kin");
        assertThat(kin.nearest().similarity()).isGreaterThan(0.75);
        assertThat(kin.margin()).isLessThan(0.03);
        assertThat(matcher.match("kin")).isEmpty();
    }

    @Test
    void phrasesWithTheSameReadingsDoNotCompeteForTheMargin() {
        // near both "mother" and "mom", which read the same
        model.vectors.put("mama", vector(0.93, 0.3));
        assertThat(loaded().match("mama").orElseThrow().readings()).containsExactly(MOTHER);
    }

    @Test
    void nearestListsWhatAMisspellingMisspellsAndWhatASynonymMeans() {
        ParaphraseMatcher matcher = loaded();
        // "sistar" embeds nowhere near "sister", but is spelt like it
        PhraseMatch misspelt = matcher.nearest("sistar", 1).get(0);
        assertThat(misspelt.knownPhrase()).isEqualTo("sister");
        assertThat(misspelt.basis()).isEqualTo(PhraseMatch.Basis.SPELLING);
        PhraseMatch synonym = matcher.nearest("offspring", 1).get(0);
        assertThat(synonym.knownPhrase()).isEqualTo("child");
        assertThat(synonym.basis()).isEqualTo(PhraseMatch.Basis.MEANING);
    }

    @Test
    void nearestListsOnePhrasePerReadingClosestFirst() {
        List<PhraseMatch> nearest = loaded().nearest("mama", 10);
        List<List<Reading>> readings = nearest.stream().map(PhraseMatch::readings).toList();
        assertThat(readings).doesNotHaveDuplicates();
        assertThat(nearest).isSortedAccordingTo((a, b) -> Double.compare(b.similarity(), a.similarity()));
        assertThat(loaded().nearest("mama", 1)).hasSize(1);
        assertThat(loaded().nearest("mama", 0)).isEmpty();
    }

    @Test
    void untilTheModelIsLoadedOnlyKnownAndRespacedPhrasesMatch() {
        ParaphraseMatcher matcher = matcher(ON);
        assertThat(matcher.modelLoaded()).isFalse();
        assertThat(matcher.match("offspring")).isEmpty();
        assertThat(matcher.match("mohter")).isEmpty();
        assertThat(matcher.match("grand child")).isPresent();
        assertThat(matcher.nearest("mohter", 1).get(0).knownPhrase()).isEqualTo("mother");
        assertThat(model.embedded).isEmpty();

        matcher.load();
        assertThat(matcher.modelLoaded()).isTrue();
        assertThat(matcher.match("offspring")).isPresent();
    }

    @Test
    void aModelThatCannotLoadLeavesTheWrittenFormsWorking() {
        ParaphraseMatcher matcher = new ParaphraseMatcher(() -> Map.copyOf(phrases), () -> relations,
                () -> { throw new UnsatisfiedLinkError("no onnxruntime for this platform"); }, ON);
        matcher.load();
        assertThat(matcher.modelLoaded()).isFalse();
        assertThat(matcher.match("offspring")).isEmpty();
        assertThat(matcher.match("grand child")).isPresent();
    }

    @Test
    void whenOffOnlyTheLexiconsOwnPhrasesMatch() {
        ParaphraseMatcher matcher = matcher(new RelataProperties.Paraphrases(false, 0.75, 0.03, 100));
        matcher.load();
        assertThat(matcher.match("offspring")).isEmpty();
        assertThat(matcher.match("grand child")).isEmpty();
        assertThat(matcher.match("mother")).isPresent();
    }

    @Test
    void aLexiconChangeIsFollowedAndOnlyTheNewPhraseIsEmbedded() {
        ParaphraseMatcher matcher = loaded();
        assertThat(matcher.match("offspring").orElseThrow().knownPhrase()).isEqualTo("child");
        int before = model.embedded.size();

        phrases.put("progeny", CHILD);
        relations.add(new RelationInfo("born", false, null, "builtin"));
        assertThat(matcher.match("progeny").orElseThrow().basis()).isEqualTo(PhraseMatch.Basis.KNOWN);
        assertThat(matcher.match("born").orElseThrow().basis()).isEqualTo(PhraseMatch.Basis.KNOWN);
        matcher.match("offspring");
        assertThat(model.embedded.subList(before, model.embedded.size())).containsExactlyInAnyOrder("progeny", "born");
    }

    @Test
    void aRefreshedSnapshotWithTheSameContentEmbedsNothing() {
        ParaphraseMatcher matcher = loaded();
        matcher.match("offspring");
        int before = model.embedded.size();
        // every call of the supplier returns a new map with the same content, as a refreshed snapshot does
        for (int i = 0; i < 5; i++) {
            matcher.match("offspring");
        }
        assertThat(model.embedded).hasSize(before);
    }

    @Test
    void anAskedPhraseIsEmbeddedOnceWhileItStaysInTheCache() {
        ParaphraseMatcher matcher = loaded();
        matcher.match("offspring");
        matcher.match("Offspring");
        matcher.nearest("offspring", 3);
        assertThat(model.embedded.stream().filter("offspring"::equals)).hasSize(1);

        ParaphraseMatcher uncached = new ParaphraseMatcher(() -> phrases, () -> relations, () -> model,
                new RelataProperties.Paraphrases(true, 0.75, 0.03, 0));
        uncached.load();
        uncached.match("offspring");
        uncached.match("offspring");
        assertThat(model.embedded.stream().filter("offspring"::equals)).hasSize(3);
    }

    @Test
    void emptyBlankAndOverlongPhrasesAreNotMatched() {
        ParaphraseMatcher matcher = loaded();
        assertThat(matcher.match(null)).isEmpty();
        assertThat(matcher.match("   ")).isEmpty();
        assertThat(matcher.match("mother ".repeat(20))).isEmpty();
        assertThat(matcher.nearest("x".repeat(ParaphraseMatcher.MAX_PHRASE_LENGTH + 1), 3)).isEmpty();
    }

    static float[] vector(double... values) {
        float[] v = new float[12];
        for (int i = 0; i < values.length; i++) {
            v[i] = (float) values[i];
        }
        return v;
    }

    /** Chosen vectors for the test's phrases; any other text points along a dimension of its own, unrelated to all. */
    static final class StandInModel implements Embedder {

        final Map<String, float[]> vectors = new HashMap<>(Map.ofEntries(
                Map.entry("mother", vector(1)),
                Map.entry("mom", vector(0.95, 0.2)),
                Map.entry("father", vector(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)),
                Map.entry("child", vector(0, 0, 1)),
                Map.entry("son", vector(0, 0, 0.5, 0.866)),
                Map.entry("grandchild", vector(0, 0, 0.4, 0, 1)),
                Map.entry("sister", vector(0, 0, 0, 0, 0, 1)),
                Map.entry("director", vector(0, 0, 0, 0, 0, 0, 1)),
                Map.entry("films directed by", vector(0, 0, 0, 0, 0, 0, 0.3, 1)),
                Map.entry("offspring", vector(0, 0, 0.95, 0.1)),
                Map.entry("films made by", vector(0, 0, 0, 0, 0, 0, 0.25, 0.95)),
                Map.entry("progeny", vector(0, 0, 0.9, 0.1)),
                Map.entry("born", vector(0, 0.3, 0, 0, 0, 0, 0, 0, 0.9))));
        final Set<String> words = Set.of("mother", "sitter", "step", "films", "made", "by", "boss", "kin", "mama", "nanny");
        final List<String> embedded = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public float[] embed(String text) {
            embedded.add(text);
            return vectors.getOrDefault(text, vector(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));
        }

        @Override
        public boolean knowsWord(String word) {
            return words.contains(word);
        }

        @Override
        public String name() {
            return "stand-in";
        }
    }
}
