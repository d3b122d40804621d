package io.relata.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The best answers of scored queries that can fill the relation's role, with the features calibration reads. Serving,
 * calibration and the open-world evaluation all read candidates through this one class, so a confidence means the same
 * wherever it is measured.
 */
final class Candidates {

    /** One candidate: its entity index and what the model says about it. */
    record Candidate(int entity, Calibration.Features features) {}

    /**
     * One query of a group: the asked entity, the relation (not its reciprocal), how many candidates are wanted, and the
     * slot's stated answers as sorted entity indexes.
     */
    record Query(int entity, int relation, int k, int[] stated) {}

    private Candidates() {}

    /**
     * For each query of a group scored in one pass ({@code scores} holds one row of all entities per query, forward
     * (entity, relation, ?) or, when {@code inverse}, (?, relation, entity)), its best candidates, best first. None for a
     * query whose entity cannot be asked about in that direction (a year has no mother); otherwise the entity itself and
     * every entity that cannot fill the answer's role are skipped. A candidate that is not among the stated answers is
     * their rival.
     */
    static List<List<Candidate>> of(ComplEx model, float[] scores, List<Query> queries, boolean inverse, Roles roles,
            Cardinality cardinality) {
        int n = model.entityCount();
        int[][] best = new int[queries.size()][];
        int total = 0;
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            best[i] = roles.canAsk(q.entity(), q.relation(), inverse)
                    ? Scores.topK(scores, i * n, n, q.k(), e -> e != q.entity() && roles.canAnswer(e, q.relation(), inverse))
                    : new int[0];
            total += best[i].length;
        }
        float[] askPresence = model.presence(
                queries.stream().mapToInt(Query::entity).toArray(),
                queries.stream().mapToInt(q -> end(q.relation(), inverse)).toArray());
        int[] candidates = new int[total];
        int[] candidateEnds = new int[total];
        for (int i = 0, at = 0; i < queries.size(); i++) {
            for (int e : best[i]) {
                candidates[at] = e;
                candidateEnds[at++] = end(queries.get(i).relation(), !inverse);
            }
        }
        float[] answerPresence = model.presence(candidates, candidateEnds);
        List<List<Candidate>> result = new ArrayList<>(queries.size());
        for (int i = 0, at = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            int offset = i * n;
            double logZ = best[i].length == 0 ? 0 : Scores.logSumExp(scores, offset, n);
            double rivalFactor = cardinality.rivalLogFactor(q.relation(), inverse, q.stated().length);
            List<Candidate> list = new ArrayList<>(best[i].length);
            for (int rank = 0; rank < best[i].length; rank++, at++) {
                int e = best[i][rank];
                float score = scores[offset + e];
                boolean stated = Arrays.binarySearch(q.stated(), e) >= 0;
                list.add(new Candidate(e, new Calibration.Features(score - logZ, score, rank + 1, stated ? 0 : rivalFactor,
                        askPresence[i], answerPresence[at])));
            }
            result.add(list);
        }
        return result;
    }

    /** The relation end the asked entity of a query stands at: the subject of (e, r, ?), the object of (?, r, e). */
    static int end(int relation, boolean objectSide) {
        return 2 * relation + (objectSide ? 1 : 0);
    }
}
