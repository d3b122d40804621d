package io.relata.model;

/**
 * The queries a fact teaches, with reciprocal relations: (h, r, t) is the forward query (h, r) → t and the inverse
 * query (t, r + R) → h, where R is the number of relations. Relation index r + R stands for r⁻¹.
 */
public final class LinkQueries {

    private LinkQueries() {}

    /** Query rows {entity, relation or its reciprocal, answer} for every fact, forward first, then inverse. */
    public static int[][] of(Triples triples, int relationCount, boolean withInverse) {
        int n = triples.size();
        int[][] queries = new int[withInverse ? 2 * n : n][];
        for (int i = 0; i < n; i++) {
            queries[i] = new int[] {triples.heads()[i], triples.relations()[i], triples.tails()[i]};
            if (withInverse) {
                queries[n + i] = new int[] {triples.tails()[i], reciprocal(triples.relations()[i], relationCount), triples.heads()[i]};
            }
        }
        return queries;
    }

    public static int reciprocal(int relation, int relationCount) {
        return relation < relationCount ? relation + relationCount : relation - relationCount;
    }
}
