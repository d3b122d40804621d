package io.relata.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a candidate's log-softmax probability into a calibrated probability that the candidate is a true answer: Platt
 * scaling, σ(a·log p + c), fitted by maximum likelihood on held-out queries.
 *
 * @param a weight of the log-softmax probability
 * @param c bias
 */
public record Calibration(double a, double c) {

    /** A candidate seen on held-out data: its log-softmax probability and whether it is a true answer. */
    public record Sample(double logProbability, boolean correct) {}

    /** The reliability of a set of calibrated predictions in 10 equal-width bins. */
    public record Reliability(double ece, int samples, List<Bin> bins) {}

    /** One confidence bin: how many predictions, their mean confidence and the share that were correct. */
    public record Bin(double from, double to, int count, double meanConfidence, double accuracy) {}

    /** Before fitting: the softmax probability itself. */
    public static Calibration identity() {
        return new Calibration(1, 0);
    }

    public double probability(double logProbability) {
        return sigmoid(a * logProbability + c);
    }

    /**
     * Maximum-likelihood fit of σ(a·log p + c) on the standardised log-probability with a small ridge penalty (finite on
     * separable data), by Newton steps halved until the loss falls. The raw score as a second feature was tried and
     * dropped: on kinship, umls and the demo families it did not lower the held-out calibration error, and it made
     * confidences swing with the scale of a relation's scores.
     */
    public static Calibration fit(List<Sample> samples) {
        if (samples.isEmpty() || samples.stream().allMatch(Sample::correct) || samples.stream().noneMatch(Sample::correct)) {
            return identity();
        }
        int n = samples.size();
        double mean = samples.stream().mapToDouble(Sample::logProbability).average().orElse(0);
        double variance = samples.stream().mapToDouble(s -> Math.pow(s.logProbability() - mean, 2)).sum() / n;
        double sd = Math.sqrt(variance) < 1e-12 ? 1 : Math.sqrt(variance);
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {(samples.get(i).logProbability() - mean) / sd, 1};
            y[i] = samples.get(i).correct() ? 1 : 0;
        }
        double ridge = 1e-2;
        double[] w = new double[2];
        double loss = loss(w, x, y, ridge);
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] gradient = new double[2];
            double[][] hessian = new double[2][2];
            for (int i = 0; i < n; i++) {
                double p = sigmoid(dot(w, x[i]));
                for (int j = 0; j < 2; j++) {
                    gradient[j] += (p - y[i]) * x[i][j];
                    for (int k = 0; k < 2; k++) {
                        hessian[j][k] += p * (1 - p) * x[i][j] * x[i][k];
                    }
                }
            }
            for (int j = 0; j < 2; j++) {
                gradient[j] += ridge * w[j];
                hessian[j][j] += ridge;
            }
            double[] step = solve(hessian, gradient);
            double factor = 1;
            double[] next = w;
            double nextLoss = loss;
            for (int halving = 0; halving < 30; halving++) {
                double[] candidate = {w[0] - factor * step[0], w[1] - factor * step[1]};
                double candidateLoss = loss(candidate, x, y, ridge);
                if (candidateLoss <= loss) {
                    next = candidate;
                    nextLoss = candidateLoss;
                    break;
                }
                factor /= 2;
            }
            boolean converged = loss - nextLoss < 1e-10;
            w = next;
            loss = nextLoss;
            if (converged) {
                break;
            }
        }
        double a = w[0] / sd;
        return new Calibration(a, w[1] - a * mean);
    }

    private static double loss(double[] w, double[][] x, double[] y, double ridge) {
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double z = dot(w, x[i]);
            // log(1 + e^z) - y·z, computed without overflow
            total += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y[i] * z;
        }
        return total + ridge / 2 * dot(w, w);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Expected calibration error of these predictions: Σ over bins of (share of samples) × |accuracy − confidence|. */
    public Reliability reliability(List<Sample> samples) {
        int bins = 10;
        int[] count = new int[bins];
        double[] confidence = new double[bins];
        int[] correct = new int[bins];
        for (Sample s : samples) {
            double p = probability(s.logProbability());
            int bin = Math.min(bins - 1, (int) (p * bins));
            count[bin]++;
            confidence[bin] += p;
            correct[bin] += s.correct() ? 1 : 0;
        }
        double ece = 0;
        List<Bin> result = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            double meanConfidence = count[i] == 0 ? 0 : confidence[i] / count[i];
            double accuracy = count[i] == 0 ? 0 : (double) correct[i] / count[i];
            ece += samples.isEmpty() ? 0 : (double) count[i] / samples.size() * Math.abs(accuracy - meanConfidence);
            result.add(new Bin((double) i / bins, (double) (i + 1) / bins, count[i], meanConfidence, accuracy));
        }
        return new Reliability(ece, samples.size(), result);
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** Solves the small system m·x = v by Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] m, double[] v) {
        int n = v.length;
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n] = v[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            for (int row = col + 1; row < n; row++) {
                double f = a[row][col] / a[col][col];
                for (int k = col; k <= n; k++) {
                    a[row][k] -= f * a[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = a[row][n];
            for (int k = row + 1; k < n; k++) {
                sum -= a[row][k] * x[k];
            }
            x[row] = sum / a[row][row];
        }
        return x;
    }
}
