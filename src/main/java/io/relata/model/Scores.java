package io.relata.model;

import java.util.PriorityQueue;

/** Row-wise helpers over a batch × entities score matrix held as one float array. */
final class Scores {

    private Scores() {}

    /** log Σ exp of one row, computed stably. */
    static double logSumExp(float[] scores, int offset, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int e = 0; e < n; e++) {
            max = Math.max(max, scores[offset + e]);
        }
        double sum = 0;
        for (int e = 0; e < n; e++) {
            sum += Math.exp(scores[offset + e] - max);
        }
        return max + Math.log(sum);
    }

    /** The indexes of the k highest scores of one row, best first; ties broken by the lower index. */
    static int[] topK(float[] scores, int offset, int n, int k, int excluded) {
        return topK(scores, offset, n, k, e -> e != excluded);
    }

    /**
     * The indexes of the k highest scores of one row among the entities {@code allowed} accepts, best first; ties
     * broken by the lower index. {@code allowed} is asked only about entities that would enter the best k so far.
     */
    static int[] topK(float[] scores, int offset, int n, int k, java.util.function.IntPredicate allowed) {
        int size = Math.min(k, n);
        PriorityQueue<Integer> heap = new PriorityQueue<>(size + 1, (x, y) -> {
            int c = Float.compare(scores[offset + x], scores[offset + y]);
            return c != 0 ? c : Integer.compare(y, x);
        });
        for (int e = 0; e < n; e++) {
            if (heap.size() == size && size > 0) {
                int worst = heap.peek();
                float s = scores[offset + e];
                float w = scores[offset + worst];
                if (s < w || (s == w && e > worst) || Float.isNaN(s)) {
                    continue;
                }
            }
            if (!allowed.test(e)) {
                continue;
            }
            heap.add(e);
            if (heap.size() > size) {
                heap.poll();
            }
        }
        int[] best = new int[heap.size()];
        for (int i = best.length - 1; i >= 0; i--) {
            best[i] = heap.poll();
        }
        return best;
    }
}
