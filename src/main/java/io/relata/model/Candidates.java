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
     * One query of a batch: the asked entity, the relation (not its reciprocal), the direction (inverse: (?, relation,
     * entity)), how many candidates are wanted, the slot's stated answers as sorted entity indexes, and the one candidate
     * to judge (-1: the best k instead).
     */
    record Query(int entity, int relation, boolean inverse, int k, int[] stated, int candidate) {

        Query(int entity, int relation, boolean inverse, int k, int[] stated) {
            this(entity, relation, inverse, k, stated, -1);
        }
    }

    /**
     * In a slot that holds one answer, a candidate's share of the model's belief is taken among this many best
     * candidates that fit the role, whatever the number asked for, so that its confidence does not depend on it.
     */
    static final int SLOT_RIVALS = 10;

    private Candidates() {}

    /** Scores the queries in one pass of the model and reads their candidates: {@link #of}. */
    static List<List<Candidate>> score(ComplEx model, List<Query> queries, Roles roles, Cardinality cardinality) {
        int[] entity = new int[queries.size()];
        int[] relation = new int[queries.size()];
        boolean[] inverse = new boolean[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            entity[i] = queries.get(i).entity();
            relation[i] = queries.get(i).relation();
            inverse[i] = queries.get(i).inverse();
        }
        return of(model, model.score(entity, relation, inverse, true), queries, roles, cardinality);
    }

    /**
     * For each query of a batch scored in one pass ({@code scored} holds one row of all entities per query, forward
     * (entity, relation, ?) or inverse (?, relation, entity), with its log Σ exp), its best candidates, best first. None
     * for a query whose entity cannot be asked about in that direction (a year has no mother); otherwise the entity
     * itself and every entity that cannot fill the answer's role are skipped. A candidate that is not among the stated
     * answers is their rival.
     */
    private static List<List<Candidate>> of(ComplEx model, ComplEx.RowScores scored, List<Query> queries, Roles roles,
            Cardinality cardinality) {
        float[] scores = scored.scores();
        int n = model.entityCount();
        int[][] best = new int[queries.size()][];
        int total = 0;
        int[][] ranks = new int[queries.size()][];
        // per query of an empty slot: the chance that it holds one answer, and its best SLOT_RIVALS candidates, among
        // which that answer's belief is shared
        double[] single = new double[queries.size()];
        int[][] rivals = new int[queries.size()][];
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            boolean inverse = q.inverse();
            java.util.function.IntPredicate fits = e -> e != q.entity() && roles.canAnswer(e, q.relation(), inverse);
            if (!roles.canAsk(q.entity(), q.relation(), inverse)) {
                best[i] = new int[0];
            } else if (q.candidate() >= 0) {
                best[i] = q.candidate() < n && fits.test(q.candidate()) ? new int[] {q.candidate()} : new int[0];
                ranks[i] = best[i].length == 0 ? null : new int[] {rankOf(scores, i * n, n, q.candidate(), fits)};
            } else {
                best[i] = Scores.topK(scores, i * n, n, q.k(), fits);
            }
            single[i] = q.stated().length == 0 ? cardinality.singleAnswerShare(q.relation(), inverse) : 0;
            if (best[i].length > 0 && single[i] > 0) {
                rivals[i] = q.candidate() < 0 && best[i].length >= SLOT_RIVALS
                        ? Arrays.copyOf(best[i], SLOT_RIVALS)
                        : Scores.topK(scores, i * n, n, SLOT_RIVALS, fits);
            }
            total += best[i].length;
        }
        float[] askPresence = model.presence(
                queries.stream().mapToInt(Query::entity).toArray(),
                queries.stream().mapToInt(q -> end(q.relation(), q.inverse())).toArray());
        int[] candidates = new int[total];
        int[] candidateEnds = new int[total];
        for (int i = 0, at = 0; i < queries.size(); i++) {
            for (int e : best[i]) {
                candidates[at] = e;
                candidateEnds[at++] = end(queries.get(i).relation(), !queries.get(i).inverse());
            }
        }
        float[] answerPresence = model.presence(candidates, candidateEnds);
        List<List<Candidate>> result = new ArrayList<>(queries.size());
        for (int i = 0, at = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            int offset = i * n;
            double logZ = best[i].length == 0 ? 0 : scored.logNormalisers()[i];
            double rivalFactor = cardinality.rivalLogFactor(q.relation(), q.inverse(), q.stated().length);
            // how often a slot of this kind is filled speaks for an empty slot; a filled one has its rival factor
            double askFill = q.stated().length == 0 ? roles.fillLogOdds(end(q.relation(), q.inverse())) : 0;
            double rivalsLogMass = rivals[i] == null ? 0 : Scores.logSumExp(scores, offset, rivals[i]);
            List<Candidate> list = new ArrayList<>(best[i].length);
            for (int rank = 0; rank < best[i].length; rank++, at++) {
                int e = best[i][rank];
                float score = scores[offset + e];
                boolean stated = Arrays.binarySearch(q.stated(), e) >= 0;
                int position = ranks[i] == null ? rank + 1 : ranks[i][rank];
                double slotLogShare = rivals[i] == null ? 0
                        : score - (contains(rivals[i], e) ? rivalsLogMass : logAddExp(rivalsLogMass, score));
                list.add(new Candidate(e, new Calibration.Features(score - logZ, score, position, stated ? 0 : rivalFactor,
                        askPresence[i], answerPresence[at], q.stated().length, askFill, single[i], slotLogShare)));
            }
            result.add(list);
        }
        return result;
    }

    private static double logAddExp(double a, double b) {
        double max = Math.max(a, b);
        return max + Math.log(Math.exp(a - max) + Math.exp(b - max));
    }

    private static boolean contains(int[] entities, int entity) {
        for (int e : entities) {
            if (e == entity) {
                return true;
            }
        }
        return false;
    }

    /** 1 + the entities that fit and score higher than the candidate. */
    private static int rankOf(float[] scores, int offset, int n, int candidate, java.util.function.IntPredicate fits) {
        float score = scores[offset + candidate];
        int rank = 1;
        for (int e = 0; e < n; e++) {
            if (scores[offset + e] > score && fits.test(e)) {
                rank++;
            }
        }
        return rank;
    }

    /** The relation end the asked entity of a query stands at: the subject of (e, r, ?), the object of (?, r, e). */
    static int end(int relation, boolean objectSide) {
        return 2 * relation + (objectSide ? 1 : 0);
    }
}
