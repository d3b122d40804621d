package io.relata.model;

import java.util.Arrays;

/**
 * The field's filtered link-prediction protocol, per direction: for (h, r, t) rank t among all entities for (h, r, ?)
 * and h for (?, r, t), after removing every other known true answer. Ties count against the model (the target ranks
 * below every other entity with the same score).
 */
final class LinkEvaluator {

    private static final int BATCH = 256;

    private LinkEvaluator() {}

    static LinkMetrics.ByDirection evaluate(ComplEx model, Triples test, KnownFacts known) {
        int[] forward = new int[test.size()];
        int[] inverse = new int[test.size()];
        int n = model.entityCount();
        for (int start = 0; start < test.size(); start += BATCH) {
            int end = Math.min(test.size(), start + BATCH);
            int[] h = Arrays.copyOfRange(test.heads(), start, end);
            int[] r = Arrays.copyOfRange(test.relations(), start, end);
            int[] t = Arrays.copyOfRange(test.tails(), start, end);
            float[] answerScores = model.scoreAnswers(h, r);
            float[] subjectScores = model.scoreSubjects(t, r);
            for (int i = 0; i < h.length; i++) {
                forward[start + i] = rank(answerScores, i * n, n, t[i], known.objects(h[i], r[i]));
                inverse[start + i] = rank(subjectScores, i * n, n, h[i], known.subjects(t[i], r[i]));
            }
        }
        int[] both = new int[2 * test.size()];
        System.arraycopy(forward, 0, both, 0, forward.length);
        System.arraycopy(inverse, 0, both, forward.length, inverse.length);
        return new LinkMetrics.ByDirection(LinkMetrics.of(forward), LinkMetrics.of(inverse), LinkMetrics.of(both));
    }

    /**
     * 1 + the number of entities, other than the target and the known true answers (sorted), scoring at least as high
     * as the target.
     */
    static int rank(float[] scores, int offset, int n, int target, int[] knownAnswers) {
        float targetScore = scores[offset + target];
        int rank = 1;
        for (int e = 0; e < n; e++) {
            if (e != target && scores[offset + e] >= targetScore && Arrays.binarySearch(knownAnswers, e) < 0) {
                rank++;
            }
        }
        if (Float.isNaN(targetScore)) {
            return n;
        }
        return rank;
    }
}
