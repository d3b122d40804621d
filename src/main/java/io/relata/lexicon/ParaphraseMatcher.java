package io.relata.lexicon;

import io.relata.RelataProperties;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Reads a relation phrase the lexicon does not hold ("hubby", "grand child", "daugther") as the known phrase it means,
 * or says it cannot.
 *
 * <p>For the question parser: {@link #match(String)} when the lexicon does not know a phrase — present only when the
 * phrase is read as a known one, with that phrase's readings and {@link PhraseMatch.Basis why}; and
 * {@link #nearest(String, int)} for the problem that answers a phrase nobody can read, listing the closest known
 * phrases (one per distinct reading). Both are thread-safe and cheap: at most one embedding of the asked phrase (a few
 * milliseconds on a CPU core, then cached), compared with the known phrases' embeddings.
 *
 * <pre>{@code
 * List<Reading> readings = lexicon.readingsOf(phrase);
 * Optional<PhraseMatch> paraphrase = readings.isEmpty() ? paraphrases.match(phrase) : Optional.empty();
 * // paraphrase.get().readings(), .knownPhrase(), .basis(), .similarity() say what was understood and how;
 * // when both are empty, paraphrases.nearest(phrase, 5) lists what the 422 can offer instead
 * }</pre>
 *
 * <p>A match carries the direction of the phrase it maps to: its readings are that phrase's, read from the asked
 * entity as the lexicon reads every phrase, so a paraphrase of a converse phrase ("films made by" of "films directed
 * by") reads inverse. Verb phrases of the default lexicon's relations ("gave birth to", "born to") are not matched:
 * the model puts them nearest the relation name "born"; a lexicon line such as {@code gave birth to = mother>}
 * declares them exactly.
 *
 * <p>A phrase is tried, in order, as: a known phrase or relation name (singular or plural); one written with other
 * spaces or hyphens ("grand child", "mother in law"); a misspelling of one ("grandmohter", "neices"; see
 * {@link KnownPhrases#slipFor}). A phrase that is a known phrase with other words around it ("step mother", "older
 * brother", "son-in-law", "parent company") is refused, because the other words change the relation in ways the model
 * does not tell apart. Any other phrase is embedded with all-MiniLM-L6-v2 and read as the nearest known phrase when
 * its cosine similarity reaches {@code relata.lexicon.paraphrases.threshold} and beats the nearest phrase with other
 * readings by {@code relata.lexicon.paraphrases.margin}; both were chosen on a list of paraphrases so that no phrase
 * of it is read wrongly (docs/benchmarks.md, "Paraphrase matching").
 *
 * <p>The model loads in the background at start (readiness does not wait). Until it has, only the first two steps run
 * and a log line says so once. The known phrases follow the lexicon: their embeddings are computed once and again only
 * for phrases a lexicon change adds.
 */
@Component
@Order(5)
public class ParaphraseMatcher implements ApplicationRunner {

    /** Longer phrases are not matched: a relation phrase is a few words, and each embedding costs time. */
    static final int MAX_PHRASE_LENGTH = 100;
    static final int MAX_NEAREST = 50;

    private static final Logger log = LoggerFactory.getLogger(ParaphraseMatcher.class);

    /** Why a phrase that is not known was not read as one. */
    enum Refusal { MODEL_NOT_LOADED, BUILT_ON_KNOWN, NOT_CLOSE_ENOUGH }

    /**
     * What the matcher makes of a phrase before the threshold: the nearest known phrase (null when refused earlier) and
     * by how much it beats the nearest phrase with other readings.
     */
    record Assessment(PhraseMatch nearest, double margin, Refusal refusal) {

        boolean accepted(double threshold, double minMargin) {
            if (nearest == null) {
                return false;
            }
            return nearest.basis() != PhraseMatch.Basis.MEANING
                    || (nearest.similarity() >= threshold && margin >= minMargin);
        }
    }

    /** The known phrases of one lexicon snapshot with their unit-length embeddings (none before the model loads). */
    private record Index(Map<String, List<Reading>> source, KnownPhrases known, Map<String, float[]> vectors) {}

    private final Supplier<Map<String, List<Reading>>> phrases;
    private final Supplier<List<RelationInfo>> relations;
    private final Supplier<Embedder> loader;
    private final RelataProperties.Paraphrases settings;
    private final Map<String, float[]> cache;
    private final Object indexLock = new Object();
    private final AtomicBoolean toldNotLoaded = new AtomicBoolean();
    private volatile Embedder embedder;
    private volatile boolean loadFailed;
    private volatile Index index;

    @Autowired
    ParaphraseMatcher(Lexicon lexicon, RelataProperties properties) {
        this(lexicon::phrases, lexicon::relations, MiniLmEmbedder::load, properties.lexicon().paraphrases());
    }

    ParaphraseMatcher(Supplier<Map<String, List<Reading>>> phrases, Supplier<List<RelationInfo>> relations,
            Supplier<Embedder> loader, RelataProperties.Paraphrases settings) {
        this.phrases = phrases;
        this.relations = relations;
        this.loader = loader;
        this.settings = settings;
        int capacity = settings.cacheSize();
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        });
    }

    /** Starts loading the model on a background thread, so that start-up and readiness do not wait for it. */
    @Override
    public void run(ApplicationArguments args) {
        if (!settings.enabled()) {
            log.info("Paraphrase matching is off: only the lexicon's own phrases are understood");
            return;
        }
        Thread loading = new Thread(this::load, "relata-paraphrase-model");
        loading.setDaemon(true);
        loading.start();
    }

    /** Loads the model and embeds the known phrases; a model that cannot load leaves matching to the written forms. */
    void load() {
        long start = System.nanoTime();
        try {
            Embedder loaded = loader.get();
            Index built = index(loaded);
            embedder = loaded;
            log.info("Paraphrase model {} loaded in {} ms; {} known phrases embedded", loaded.name(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), built.vectors().size());
        } catch (RuntimeException | LinkageError e) {
            loadFailed = true;
            log.warn("The paraphrase model cannot be loaded; phrases outside the lexicon are matched by their spacing only: {}",
                    e.toString());
        }
    }

    /** Whether the embedding model is loaded, so that phrases are matched by spelling and meaning too. */
    public boolean modelLoaded() {
        return embedder != null;
    }

    /**
     * The known phrase this phrase is read as, if any: present for a known phrase (basis KNOWN), one written another way
     * or misspelt (SPELLING), or one close enough in meaning (MEANING). Empty for a phrase longer than
     * {@value #MAX_PHRASE_LENGTH} characters, and for any phrase outside the lexicon when matching is off.
     */
    public Optional<PhraseMatch> match(String phrase) {
        Optional<String> normalized = bounded(phrase);
        if (normalized.isEmpty()) {
            return Optional.empty();
        }
        Assessment assessment = assess(normalized.get());
        if (assessment.accepted(settings.threshold(), settings.margin())
                && (settings.enabled() || assessment.nearest().basis() == PhraseMatch.Basis.KNOWN)) {
            return Optional.of(assessment.nearest());
        }
        return Optional.empty();
    }

    /**
     * The known phrases closest to this one, closest first, at most {@code k} and one per distinct reading. Each known
     * phrase scores the better of its spelling similarity and, once the model is loaded, its meaning similarity, so
     * that a misspelling lists what it misspells and a synonym what it means. Whether any is close enough to be taken
     * is {@link #match}'s to say.
     */
    public List<PhraseMatch> nearest(String phrase, int k) {
        Optional<String> normalized = bounded(phrase);
        if (normalized.isEmpty() || k < 1) {
            return List.of();
        }
        Embedder model = settings.enabled() ? embedder : null;
        Index current = index(model);
        String asked = normalized.get();
        String letters = KnownPhrases.letters(asked);
        float[] v = model == null ? null : vector(model, asked);
        List<PhraseMatch> scored = new ArrayList<>();
        for (String known : current.known().phrases()) {
            double spelling = Spelling.similarity(letters, KnownPhrases.letters(known));
            double meaning = v == null ? -1 : cosine(v, current.vectors().get(known));
            scored.add(meaning > spelling
                    ? new PhraseMatch(asked, known, meaning, PhraseMatch.Basis.MEANING, current.known().readingsOf(known))
                    : new PhraseMatch(asked, known, spelling, PhraseMatch.Basis.SPELLING, current.known().readingsOf(known)));
        }
        scored.sort(Comparator.comparingDouble(PhraseMatch::similarity).reversed());
        Map<List<Reading>, PhraseMatch> bestPerReading = new LinkedHashMap<>();
        for (PhraseMatch m : scored) {
            bestPerReading.putIfAbsent(m.readings(), m);
        }
        return bestPerReading.values().stream().limit(Math.min(k, MAX_NEAREST)).toList();
    }

    /** Every step of matching but the threshold; the paraphrase benchmark applies its own thresholds to this. */
    Assessment assess(String normalized) {
        Embedder model = settings.enabled() ? embedder : null;
        Index current = index(model);
        KnownPhrases known = current.known();
        Optional<String> same = known.known(normalized);
        if (same.isPresent()) {
            return new Assessment(new PhraseMatch(normalized, same.get(), 1.0, PhraseMatch.Basis.KNOWN,
                    known.readingsOf(same.get())), 1.0, null);
        }
        if (!settings.enabled()) {
            return new Assessment(null, 0, Refusal.MODEL_NOT_LOADED);
        }
        Optional<String> spelt = known.writtenAlike(normalized);
        if (model != null && spelt.isEmpty()) {
            spelt = known.slipFor(normalized, model::knowsWord);
        }
        if (spelt.isPresent()) {
            return new Assessment(new PhraseMatch(normalized, spelt.get(), Spelling.similarity(normalized, spelt.get()),
                    PhraseMatch.Basis.SPELLING, known.readingsOf(spelt.get())), 1.0, null);
        }
        if (model == null) {
            if (!loadFailed && toldNotLoaded.compareAndSet(false, true)) {
                log.info("The paraphrase model is still loading: '{}' and other phrases outside the lexicon are matched "
                        + "by meaning once it has", normalized);
            }
            return new Assessment(null, 0, Refusal.MODEL_NOT_LOADED);
        }
        if (known.builtOnKnown(normalized)) {
            return new Assessment(null, 0, Refusal.BUILT_ON_KNOWN);
        }
        return byMeaning(model, current, normalized);
    }

    private Assessment byMeaning(Embedder model, Index current, String normalized) {
        float[] v = vector(model, normalized);
        String best = null;
        double bestSimilarity = -1;
        Map<String, Double> similarities = new HashMap<>();
        for (Map.Entry<String, float[]> known : current.vectors().entrySet()) {
            double similarity = cosine(v, known.getValue());
            similarities.put(known.getKey(), similarity);
            if (similarity > bestSimilarity) {
                best = known.getKey();
                bestSimilarity = similarity;
            }
        }
        if (best == null) {
            return new Assessment(null, 0, Refusal.NOT_CLOSE_ENOUGH);
        }
        List<Reading> readings = current.known().readingsOf(best);
        double rival = similarities.entrySet().stream()
                .filter(e -> !current.known().readingsOf(e.getKey()).equals(readings))
                .mapToDouble(Map.Entry::getValue).max().orElse(0);
        PhraseMatch nearest = new PhraseMatch(normalized, best, bestSimilarity, PhraseMatch.Basis.MEANING, readings);
        return new Assessment(nearest, bestSimilarity - rival, null);
    }

    /**
     * The known phrases of the lexicon's current snapshot. The same snapshot object is reused as it is; a refreshed one
     * with the same phrases and readings keeps the embeddings; only phrases a change adds are embedded.
     */
    private Index index(Embedder model) {
        Map<String, List<Reading>> source = phrases.get();
        Index current = index;
        boolean needVectors = model != null;
        if (current != null && current.source() == source && !source.isEmpty()
                && (!needVectors || current.vectors().size() == current.known().phrases().size())) {
            return current;
        }
        KnownPhrases known = KnownPhrases.of(source, relations.get());
        synchronized (indexLock) {
            current = index;
            Map<String, float[]> vectors = new HashMap<>();
            if (current != null && current.known().equals(known)
                    && (!needVectors || current.vectors().size() == known.phrases().size())) {
                vectors.putAll(current.vectors());
            } else if (needVectors) {
                for (String phrase : known.phrases()) {
                    float[] kept = current == null ? null : current.vectors().get(phrase);
                    vectors.put(phrase, kept != null ? kept : unit(model.embed(phrase)));
                }
            }
            index = new Index(source, known, Map.copyOf(vectors));
            return index;
        }
    }

    private float[] vector(Embedder model, String normalized) {
        float[] cached = cache.get(normalized);
        if (cached == null) {
            cached = unit(model.embed(normalized));
            if (settings.cacheSize() > 0) {
                cache.put(normalized, cached);
            }
        }
        return cached;
    }

    private static Optional<String> bounded(String phrase) {
        if (phrase == null) {
            return Optional.empty();
        }
        String normalized = Phrases.normalize(phrase);
        if (normalized.isEmpty() || normalized.length() > MAX_PHRASE_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(normalized);
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return u;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
