package io.relata.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * Questions with and without a true answer, as docs/benchmarks.md's open-world protocol builds them, and the
 * confidence figures measured on them. The same mix, built from held-out facts, is what {@link Calibration} is fitted
 * on.
 *
 * <ul>
 *   <li>answerable: every held-out fact asked forward (h, r, ?) and inverse (?, r, t);
 *   <li>no answer: (entity, relation, direction) drawn with a fixed seed, uniformly from those whose entity occurs in
 *       the graph but has no answer among the known facts (attribute values and years as the asked entity included);
 *   <li>filled slots (for fitting only): questions whose slot a stated fact already fills, whose other candidates are
 *       rivals of the stated answer.
 * </ul>
 * For each question the best {@value #ANSWERS} candidates that fit the relation's role are scored; a candidate is true
 * when the known facts hold it.
 */
public final class OpenWorld {

    /** Candidates per question, as in the protocol. */
    static final int ANSWERS = 10;
    private static final int BATCH = 256;
    /** Above this many (entity, relation, direction) combinations the no-answer questions are drawn by rejection. */
    private static final long ENUMERATE_LIMIT = 4_000_000;

    private OpenWorld() {}

    /** Why a question is in the mix. */
    enum Kind {
        /** A held-out fact: it has a true answer the model was not trained on. */
        ANSWERABLE,
        /** No known fact answers it. */
        NO_ANSWER,
        /** A stated fact fills its slot already; its other candidates are rivals of the stated answer. */
        FILLED_SLOT
    }

    /** One question: the entity asked about, the relation and direction, and the held-out answer (-1: none expected). */
    record Question(int entity, int relation, boolean inverse, int heldOutAnswer, Kind kind) {}

    /** A question with its scored candidates and, per candidate, whether it is true. */
    record Scored(Question question, List<Candidates.Candidate> candidates, boolean[] correct) {}

    /** Every held-out fact asked forward and inverse. */
    static List<Question> answerable(Triples heldOut) {
        List<Question> questions = new ArrayList<>(2 * heldOut.size());
        for (int i = 0; i < heldOut.size(); i++) {
            questions.add(new Question(heldOut.heads()[i], heldOut.relations()[i], false, heldOut.tails()[i], Kind.ANSWERABLE));
        }
        for (int i = 0; i < heldOut.size(); i++) {
            questions.add(new Question(heldOut.tails()[i], heldOut.relations()[i], true, heldOut.heads()[i], Kind.ANSWERABLE));
        }
        return questions;
    }

    /**
     * {@code count} questions without an answer among {@code known}, drawn with {@code seed} uniformly from those whose
     * entity occurs in {@code graph}; fewer when fewer exist.
     */
    static List<Question> withoutAnswer(int count, KnownFacts known, Triples graph, int entityCount, int relationCount,
            long seed) {
        BitSet present = new BitSet(entityCount);
        for (int i = 0; i < graph.size(); i++) {
            present.set(graph.heads()[i]);
            present.set(graph.tails()[i]);
        }
        int[] entities = present.stream().toArray();
        Random random = new Random(seed);
        long space = (long) entities.length * relationCount * 2;
        List<Question> questions = new ArrayList<>();
        if (space <= ENUMERATE_LIMIT) {
            List<Question> all = new ArrayList<>();
            for (int e : entities) {
                for (int r = 0; r < relationCount; r++) {
                    if (known.objects(e, r).length == 0) {
                        all.add(new Question(e, r, false, -1, Kind.NO_ANSWER));
                    }
                    if (known.subjects(e, r).length == 0) {
                        all.add(new Question(e, r, true, -1, Kind.NO_ANSWER));
                    }
                }
            }
            java.util.Collections.shuffle(all, random);
            questions.addAll(all.subList(0, Math.min(count, all.size())));
        } else {
            java.util.Set<Question> drawn = new java.util.LinkedHashSet<>();
            for (long tries = 0; drawn.size() < count && tries < 100L * count; tries++) {
                int e = entities[random.nextInt(entities.length)];
                int r = random.nextInt(relationCount);
                boolean inverse = random.nextBoolean();
                if ((inverse ? known.subjects(e, r) : known.objects(e, r)).length == 0) {
                    drawn.add(new Question(e, r, inverse, -1, Kind.NO_ANSWER));
                }
            }
            questions.addAll(drawn);
        }
        return questions;
    }

    /** {@code count} questions whose slot a fact of {@code stated} fills, half forward and half inverse, drawn with {@code seed}. */
    static List<Question> filledSlots(int count, Triples stated, long seed) {
        List<Question> questions = new ArrayList<>();
        if (stated.size() == 0) {
            return questions;
        }
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            int fact = random.nextInt(stated.size());
            boolean inverse = i % 2 == 1;
            questions.add(inverse
                    ? new Question(stated.tails()[fact], stated.relations()[fact], true, -1, Kind.FILLED_SLOT)
                    : new Question(stated.heads()[fact], stated.relations()[fact], false, -1, Kind.FILLED_SLOT));
        }
        return questions;
    }

    /**
     * Scores each question's best candidates. {@code stated} are the facts a service would hold as stated (their
     * answers are not rivals), {@code truth} decides which candidates are true.
     */
    static List<Scored> score(ComplEx model, List<Question> questions, Roles roles, Cardinality cardinality,
            KnownFacts stated, KnownFacts truth) {
        List<Scored> scored = new ArrayList<>(questions.size());
        for (int start = 0; start < questions.size(); start += BATCH) {
            List<Question> batch = questions.subList(start, Math.min(questions.size(), start + BATCH));
            List<Candidates.Query> queries = batch.stream()
                    .map(q -> new Candidates.Query(q.entity(), q.relation(), q.inverse(), ANSWERS,
                            q.inverse() ? stated.subjects(q.entity(), q.relation()) : stated.objects(q.entity(), q.relation())))
                    .toList();
            List<List<Candidates.Candidate>> found = Candidates.score(model, queries, roles, cardinality);
            for (int i = 0; i < batch.size(); i++) {
                Question q = batch.get(i);
                List<Candidates.Candidate> candidates = found.get(i);
                boolean[] correct = new boolean[candidates.size()];
                for (int c = 0; c < candidates.size(); c++) {
                    int e = candidates.get(c).entity();
                    correct[c] = q.inverse() ? truth.contains(e, q.relation(), q.entity()) : truth.contains(q.entity(), q.relation(), e);
                }
                scored.add(new Scored(q, candidates, correct));
            }
        }
        return scored;
    }

    /** Every scored candidate as a calibration sample. */
    static List<Calibration.Sample> samples(List<Scored> scored) {
        List<Calibration.Sample> samples = new ArrayList<>();
        for (Scored s : scored) {
            for (int c = 0; c < s.candidates().size(); c++) {
                samples.add(new Calibration.Sample(s.candidates().get(c).features(), s.question().relation(),
                        s.question().inverse(), s.correct()[c]));
            }
        }
        return samples;
    }

    /**
     * The open-world figures of one mix under a calibration.
     *
     * @param queries questions in the mix
     * @param noAnswerShare share of them without a true answer
     * @param ece expected calibration error over every (question, answer, confidence), 10 bins
     * @param brier mean squared error of those confidences
     * @param precisionAt05 share of answers with confidence ≥ 0.5 that are true
     * @param recallAt05 share of the answerable questions whose held-out answer comes with confidence ≥ 0.5
     * @param confidentWrongPer100NoAnswer answers with confidence ≥ 0.5 per 100 questions without an answer
     * @param roleViolatingShare share of the no-answer questions whose entity cannot be asked about that way at all
     * @param answerableEce the expected calibration error on the answerable questions alone (the closed-world figure)
     */
    public record Figures(int queries, double noAnswerShare, double ece, double brier, double precisionAt05,
            double recallAt05, double confidentWrongPer100NoAnswer, double roleViolatingShare, double answerableEce) {}

    /** Figures for forward questions, inverse questions and both. */
    public record ByDirection(Figures forward, Figures inverse, Figures both, Calibration.Reliability reliability) {}

    /** The protocol's figures on the answerable and no-answer questions of {@code scored} (filled slots are left out). */
    static ByDirection measure(List<Scored> all, Calibration calibration, Roles roles) {
        List<Scored> scored = all.stream().filter(s -> s.question().kind() != Kind.FILLED_SLOT).toList();
        return new ByDirection(
                figures(scored.stream().filter(s -> !s.question().inverse()).toList(), calibration, roles),
                figures(scored.stream().filter(s -> s.question().inverse()).toList(), calibration, roles),
                figures(scored, calibration, roles),
                reliability(scored, calibration));
    }

    private static Calibration.Reliability reliability(List<Scored> scored, Calibration calibration) {
        List<Double> confidences = new ArrayList<>();
        List<Boolean> truths = new ArrayList<>();
        for (Scored s : scored) {
            for (int c = 0; c < s.candidates().size(); c++) {
                confidences.add(confidence(s, c, calibration));
                truths.add(s.correct()[c]);
            }
        }
        return reliabilityOf(confidences, truths);
    }

    private static double confidence(Scored s, int c, Calibration calibration) {
        return calibration.probability(s.candidates().get(c).features(), s.question().relation(), s.question().inverse());
    }

    private static Figures figures(List<Scored> scored, Calibration calibration, Roles roles) {
        int answerable = 0;
        int noAnswer = 0;
        int roleViolating = 0;
        int recalled = 0;
        int confident = 0;
        int confidentTrue = 0;
        int confidentOnNoAnswer = 0;
        double squared = 0;
        int answers = 0;
        List<Double> confidences = new ArrayList<>();
        List<Boolean> truths = new ArrayList<>();
        List<Double> answerableConfidences = new ArrayList<>();
        List<Boolean> answerableTruths = new ArrayList<>();
        for (Scored s : scored) {
            Question q = s.question();
            boolean expectsAnswer = q.kind() == Kind.ANSWERABLE;
            if (expectsAnswer) {
                answerable++;
            } else {
                noAnswer++;
                if (!roles.canAsk(q.entity(), q.relation(), q.inverse())) {
                    roleViolating++;
                }
            }
            for (int c = 0; c < s.candidates().size(); c++) {
                double p = confidence(s, c, calibration);
                boolean correct = s.correct()[c];
                confidences.add(p);
                truths.add(correct);
                if (expectsAnswer) {
                    answerableConfidences.add(p);
                    answerableTruths.add(correct);
                }
                squared += (p - (correct ? 1 : 0)) * (p - (correct ? 1 : 0));
                answers++;
                if (p >= 0.5) {
                    confident++;
                    confidentTrue += correct ? 1 : 0;
                    confidentOnNoAnswer += expectsAnswer ? 0 : 1;
                    if (expectsAnswer && s.candidates().get(c).entity() == q.heldOutAnswer()) {
                        recalled++;
                    }
                }
            }
        }
        int queries = answerable + noAnswer;
        return new Figures(queries,
                queries == 0 ? 0 : (double) noAnswer / queries,
                ece(confidences, truths),
                answers == 0 ? 0 : squared / answers,
                confident == 0 ? 1 : (double) confidentTrue / confident,
                answerable == 0 ? 0 : (double) recalled / answerable,
                noAnswer == 0 ? 0 : 100.0 * confidentOnNoAnswer / noAnswer,
                noAnswer == 0 ? 0 : (double) roleViolating / noAnswer,
                ece(answerableConfidences, answerableTruths));
    }

    private static double ece(List<Double> confidences, List<Boolean> truths) {
        return reliabilityOf(confidences, truths).ece();
    }

    private static Calibration.Reliability reliabilityOf(List<Double> confidences, List<Boolean> truths) {
        double[] p = confidences.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] y = new boolean[truths.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = truths.get(i);
        }
        return Calibration.reliability(p, y);
    }
}
