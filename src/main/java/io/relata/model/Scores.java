package io.relata.model;

/** Row-wise helpers over a batch × entities score matrix held as one float array. */
final class Scores {

    private Scores() {}

    /** log Σ exp of the scores of these entities of one row, computed stably. */
    static double logSumExp(float[] scores, int offset, int[] entities) {
        double max = Double.NEGATIVE_INFINITY;
        for (int e : entities) {
            max = Math.max(max, scores[offset + e]);
        }
        double sum = 0;
        for (int e : entities) {
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
     * A binary min-heap of entity indexes in an int array, its root the worst of the best so far, so that most entities
     * cost one comparison with the root.
     */
    static int[] topK(float[] scores, int offset, int n, int k, java.util.function.IntPredicate allowed) {
        int capacity = Math.max(0, Math.min(k, n));
        int[] heap = new int[capacity];
        int size = 0;
        for (int e = 0; e < n && capacity > 0; e++) {
            float s = scores[offset + e];
            if (Float.isNaN(s)) {
                continue;
            }
            if (size == capacity && !better(scores, offset, e, heap[0])) {
                continue;
            }
            if (!allowed.test(e)) {
                continue;
            }
            if (size < capacity) {
                heap[size] = e;
                siftUp(scores, offset, heap, size++);
            } else {
                heap[0] = e;
                siftDown(scores, offset, heap, size);
            }
        }
        // pop the worst first into the back of the result
        int[] best = new int[size];
        for (int i = size - 1; i >= 0; i--) {
            best[i] = heap[0];
            heap[0] = heap[--size];
            siftDown(scores, offset, heap, size);
        }
        return best;
    }

    /** Whether entity a ranks above entity b: a higher score, or the same score and a lower index. */
    private static boolean better(float[] scores, int offset, int a, int b) {
        float x = scores[offset + a];
        float y = scores[offset + b];
        return x > y || (x == y && a < b);
    }

    private static void siftUp(float[] scores, int offset, int[] heap, int at) {
        int e = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!better(scores, offset, heap[parent], e)) {
                break;
            }
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = e;
    }

    private static void siftDown(float[] scores, int offset, int[] heap, int size) {
        if (size == 0) {
            return;
        }
        int at = 0;
        int e = heap[0];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && better(scores, offset, heap[child], heap[child + 1])) {
                child++;
            }
            if (!better(scores, offset, e, heap[child])) {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = e;
    }
}
