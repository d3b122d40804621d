package io.relata.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what the model says about a candidate answer into the probability that the candidate is true for the question
 * asked: logistic regression (multi-feature Platt scaling) on the candidate's log-softmax probability, its raw score,
 * the log of its rank, the log of the probability that its slot has another answer than those already stated (0 when
 * none is stated; see {@link Cardinality}), the presence log-odds of the asked entity and of the candidate at their
 * ends of the relation, how many answers the slot already has and, for an empty slot, how often slots of its kind are
 * filled, with an offset per relation and direction where the held-out data suffice. In a slot that holds one answer the
 * candidates then compete (see {@link #probability}). It is fitted on an open-world mix of held-out questions, with and without a true answer (see
 * {@link OpenWorld}), so a question without a true answer gets low confidences although the softmax must give its
 * mass to someone.
 *
 * @param a weight of the log-softmax probability
 * @param c bias
 * @param score weight of the raw score
 * @param logRank weight of the log of the candidate's rank among the answers that fit the relation
 * @param rival weight of the log-probability that the slot has more answers than those stated
 * @param ask weight of the log-odds that the asked entity stands at the asked end of the relation
 * @param answer weight of the log-odds that the candidate stands at the other end
 * @param stated weight of log(1 + the stated answers of the slot)
 * @param fill weight of the log-odds that a slot of this kind is filled, for an empty slot
 * @param forwardOffsets per relation index, the offset of forward questions (null or short: 0)
 * @param inverseOffsets per relation index, the offset of inverse questions (null or short: 0)
 */
public record Calibration(double a, double c, double score, double logRank, double rival, double ask, double answer,
        double stated, double fill, double[] forwardOffsets, double[] inverseOffsets) {

    /**
     * What the model says about one candidate answer: its log-softmax probability, raw score and rank, the log of the
     * probability that its slot has another answer than the stated ones, the log-odds that the asked entity stands at
     * the asked end of the relation and the candidate at the other (the model's presence head), the slot's stated
     * answers, the log-odds that a slot of its kind is filled (0 when this one is), the probability that the slot holds
     * one answer (0 when one is stated) and the log of the candidate's share of the model's belief among its best
     * rivals (see {@link Candidates#SLOT_RIVALS}).
     */
    public record Features(double logProbability, double score, int rank, double rivalLogFactor, double askPresence,
            double answerPresence, int statedAnswers, double askFill, double singleAnswerShare, double slotLogShare) {}

    /** A candidate seen on held-out data: its features, the question's relation and direction, and its truth. */
    public record Sample(Features features, int relation, boolean inverse, boolean correct) {}

    /** The reliability of a set of calibrated predictions in 10 equal-width bins. */
    public record Reliability(double ece, int samples, List<Bin> bins) {}

    /** One confidence bin: how many predictions, their mean confidence and the share that were correct. */
    public record Bin(double from, double to, int count, double meanConfidence, double accuracy) {}

    /** Samples a relation and direction needs before it gets an offset of its own. */
    static final int MIN_GROUP_SAMPLES = 50;
    private static final double WEIGHT_RIDGE = 1e-3;
    private static final double OFFSET_RIDGE = 2.0;
    private static final int FEATURES = 8;

    /** Before fitting: the softmax probability itself. */
    public static Calibration identity() {
        return new Calibration(1, 0, 0, 0, 0, 0, 0, 0, 0, null, null);
    }

    /**
     * The probability that the candidate is true: the fitted regression, bounded by what the slot allows. In an empty
     * slot that holds one answer (with probability {@code singleAnswerShare}) the candidates compete: none
     * is likelier than its share of the model's belief among its rivals, so that two values of a person's gender cannot
     * both be near-certain.
     */
    public double probability(Features f, int relation, boolean inverse) {
        double p = sigmoid(logit(f, relation, inverse));
        double single = f.singleAnswerShare();
        return single <= 0 ? p : (1 - single) * p + single * Math.min(p, Math.exp(f.slotLogShare()));
    }

    private double logit(Features f, int relation, boolean inverse) {
        double[] offsets = inverse ? inverseOffsets : forwardOffsets;
        double offset = offsets != null && relation >= 0 && relation < offsets.length ? offsets[relation] : 0;
        return a * f.logProbability() + score * f.score() + logRank * Math.log(Math.max(1, f.rank()))
                + rival * f.rivalLogFactor() + ask * f.askPresence() + answer * f.answerPresence()
                + stated * Math.log1p(f.statedAnswers()) + fill * f.askFill() + c + offset;
    }

    /**
     * Maximum-likelihood fit by Newton steps (halved until the loss falls) on standardised features, with a small ridge
     * on the weights (finite on separable data) and a larger one on the per-relation offsets, which shrinks the offset
     * of a relation with little held-out data towards 0.
     */
    public static Calibration fit(List<Sample> samples, int relationCount) {
        if (samples.isEmpty() || samples.stream().allMatch(Sample::correct) || samples.stream().noneMatch(Sample::correct)) {
            return identity();
        }
        int n = samples.size();
        double[][] raw = new double[n][];
        for (int i = 0; i < n; i++) {
            raw[i] = vector(samples.get(i).features());
        }
        double[] mean = new double[FEATURES];
        double[] sd = new double[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            int column = j;
            mean[j] = Arrays.stream(raw).mapToDouble(x -> x[column]).average().orElse(0);
            double variance = Arrays.stream(raw).mapToDouble(x -> Math.pow(x[column] - mean[column], 2)).sum() / n;
            sd[j] = Math.sqrt(variance) < 1e-12 ? 0 : Math.sqrt(variance);
        }
        // parameters: the standardised weights, the bias, then one offset per relation and direction with enough samples
        Map<Integer, Integer> groupCounts = new HashMap<>();
        for (Sample s : samples) {
            groupCounts.merge(group(s.relation(), s.inverse()), 1, Integer::sum);
        }
        Map<Integer, Integer> parameterOf = new HashMap<>();
        groupCounts.forEach((group, count) -> {
            if (count >= MIN_GROUP_SAMPLES && group >= 0) {
                parameterOf.put(group, 0);
            }
        });
        int next = FEATURES + 1;
        for (Integer group : parameterOf.keySet().stream().sorted().toList()) {
            parameterOf.put(group, next++);
        }
        int dimensions = next;
        double[][] x = new double[n][FEATURES];
        int[] groupParameter = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < FEATURES; j++) {
                x[i][j] = sd[j] == 0 ? 0 : (raw[i][j] - mean[j]) / sd[j];
            }
            Sample s = samples.get(i);
            groupParameter[i] = parameterOf.getOrDefault(group(s.relation(), s.inverse()), -1);
            y[i] = s.correct() ? 1 : 0;
        }
        double[] ridge = new double[dimensions];
        Arrays.fill(ridge, 0, FEATURES + 1, WEIGHT_RIDGE);
        Arrays.fill(ridge, FEATURES + 1, dimensions, OFFSET_RIDGE);
        double[] w = newton(x, groupParameter, y, ridge, dimensions);

        // back to the raw features: Σ w_j (x_j − m_j)/s_j = Σ (w_j/s_j) x_j − Σ w_j m_j / s_j
        double[] weights = new double[FEATURES];
        double bias = w[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            weights[j] = sd[j] == 0 ? 0 : w[j] / sd[j];
            bias -= weights[j] * mean[j];
        }
        double[] forward = new double[relationCount];
        double[] inverse = new double[relationCount];
        parameterOf.forEach((group, parameter) -> {
            int relation = group / 2;
            if (relation < relationCount) {
                (group % 2 == 1 ? inverse : forward)[relation] = w[parameter];
            }
        });
        return new Calibration(weights[0], bias, weights[1], weights[2], weights[3], weights[4], weights[5], weights[6],
                weights[7], forward, inverse);
    }

    private static int group(int relation, boolean inverse) {
        return relation < 0 ? -1 : 2 * relation + (inverse ? 1 : 0);
    }

    private static double[] vector(Features f) {
        return new double[] {f.logProbability(), f.score(), Math.log(Math.max(1, f.rank())), f.rivalLogFactor(),
            f.askPresence(), f.answerPresence(), Math.log1p(f.statedAnswers()), f.askFill()};
    }

    /** Newton's method on the penalised logistic loss; each sample touches the weights, the bias and at most one offset. */
    private static double[] newton(double[][] x, int[] group, double[] y, double[] ridge, int dimensions) {
        double[] w = new double[dimensions];
        double loss = loss(w, x, group, y, ridge);
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] gradient = new double[dimensions];
            double[][] hessian = new double[dimensions][dimensions];
            int[] active = new int[FEATURES + 2];
            for (int i = 0; i < x.length; i++) {
                double p = sigmoid(linear(w, x[i], group[i]));
                double[] v = row(x[i]);
                int m = FEATURES + 1;
                for (int j = 0; j < m; j++) {
                    active[j] = j;
                }
                double[] values = Arrays.copyOf(v, FEATURES + 2);
                if (group[i] >= 0) {
                    active[m] = group[i];
                    values[m] = 1;
                    m++;
                }
                double weight = p * (1 - p);
                for (int j = 0; j < m; j++) {
                    gradient[active[j]] += (p - y[i]) * values[j];
                    for (int k = 0; k < m; k++) {
                        hessian[active[j]][active[k]] += weight * values[j] * values[k];
                    }
                }
            }
            for (int j = 0; j < dimensions; j++) {
                gradient[j] += ridge[j] * w[j];
                hessian[j][j] += ridge[j];
            }
            double[] step = Cholesky.solve(hessian, gradient);
            double factor = 1;
            double[] next = w;
            double nextLoss = loss;
            for (int halving = 0; halving < 30; halving++) {
                double[] candidate = new double[dimensions];
                for (int j = 0; j < dimensions; j++) {
                    candidate[j] = w[j] - factor * step[j];
                }
                double candidateLoss = loss(candidate, x, group, y, ridge);
                if (candidateLoss <= loss) {
                    next = candidate;
                    nextLoss = candidateLoss;
                    break;
                }
                factor /= 2;
            }
            boolean converged = loss - nextLoss < 1e-9 * Math.max(1, loss);
            w = next;
            loss = nextLoss;
            if (converged) {
                break;
            }
        }
        return w;
    }

    /** The standardised features followed by the bias input 1. */
    private static double[] row(double[] x) {
        double[] v = Arrays.copyOf(x, FEATURES + 1);
        v[FEATURES] = 1;
        return v;
    }

    private static double linear(double[] w, double[] x, int group) {
        double z = w[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            z += w[j] * x[j];
        }
        return group >= 0 ? z + w[group] : z;
    }

    private static double loss(double[] w, double[][] x, int[] group, double[] y, double[] ridge) {
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double z = linear(w, x[i], group[i]);
            // log(1 + e^z) - y·z, computed without overflow
            total += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y[i] * z;
        }
        for (int j = 0; j < w.length; j++) {
            total += ridge[j] / 2 * w[j] * w[j];
        }
        return total;
    }

    /** Expected calibration error of these predictions: Σ over bins of (share of samples) × |accuracy − confidence|. */
    public Reliability reliability(List<Sample> samples) {
        double[] confidences = new double[samples.size()];
        boolean[] correct = new boolean[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            confidences[i] = probability(s.features(), s.relation(), s.inverse());
            correct[i] = s.correct();
        }
        return reliability(confidences, correct);
    }

    /** The reliability of given confidences and truths, in 10 equal-width bins. */
    public static Reliability reliability(double[] confidences, boolean[] correct) {
        int bins = 10;
        int[] count = new int[bins];
        double[] confidence = new double[bins];
        int[] right = new int[bins];
        for (int i = 0; i < confidences.length; i++) {
            double p = confidences[i];
            int bin = Math.min(bins - 1, (int) (p * bins));
            count[bin]++;
            confidence[bin] += p;
            right[bin] += correct[i] ? 1 : 0;
        }
        double ece = 0;
        List<Bin> result = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            double meanConfidence = count[i] == 0 ? 0 : confidence[i] / count[i];
            double accuracy = count[i] == 0 ? 0 : (double) right[i] / count[i];
            ece += confidences.length == 0 ? 0 : (double) count[i] / confidences.length * Math.abs(accuracy - meanConfidence);
            result.add(new Bin((double) i / bins, (double) (i + 1) / bins, count[i], meanConfidence, accuracy));
        }
        return new Reliability(ece, confidences.length, result);
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Calibration o && a == o.a && c == o.c && score == o.score && logRank == o.logRank
                && rival == o.rival && ask == o.ask && answer == o.answer && stated == o.stated && fill == o.fill && Arrays.equals(forwardOffsets, o.forwardOffsets)
                && Arrays.equals(inverseOffsets, o.inverseOffsets);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(a, c, score, logRank, rival, ask, answer, stated, fill, Arrays.hashCode(forwardOffsets), Arrays.hashCode(inverseOffsets));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "Calibration[a=%.4f, c=%.4f, score=%.4f, logRank=%.4f, rival=%.4f, ask=%.4f, answer=%.4f, stated=%.4f, fill=%.4f]",
                a, c, score, logRank, rival, ask, answer, stated, fill);
    }
}
