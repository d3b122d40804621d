package io.relata.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Facts as vocabulary indexes: head[i] --relation[i]--> tail[i]. */
public record Triples(int[] heads, int[] relations, int[] tails) {

    public Triples {
        if (heads.length != relations.length || heads.length != tails.length) {
            throw new IllegalArgumentException("heads, relations and tails differ in length");
        }
    }

    public int size() {
        return heads.length;
    }

    public static Triples of(List<int[]> rows) {
        int[] h = new int[rows.size()];
        int[] r = new int[rows.size()];
        int[] t = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            h[i] = rows.get(i)[0];
            r[i] = rows.get(i)[1];
            t[i] = rows.get(i)[2];
        }
        return new Triples(h, r, t);
    }

    public int[] row(int i) {
        return new int[] {heads[i], relations[i], tails[i]};
    }

    /**
     * These facts plus, for each fact of a symmetric relation, the same fact read the other way round (unless stated
     * too): spouse and sibling are usually stated once per pair, and a model must learn both readings.
     */
    public Triples withConverses(java.util.Set<Integer> symmetricRelations) {
        java.util.Set<java.util.List<Integer>> present = new java.util.HashSet<>();
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            present.add(java.util.List.of(heads[i], relations[i], tails[i]));
            rows.add(row(i));
        }
        for (int i = 0; i < size(); i++) {
            if (symmetricRelations.contains(relations[i]) && present.add(java.util.List.of(tails[i], relations[i], heads[i]))) {
                rows.add(new int[] {tails[i], relations[i], heads[i]});
            }
        }
        return of(rows);
    }

    /** A seeded split into (kept, held out) with {@code share} of the facts held out. */
    public List<Triples> split(double share, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int held = (int) Math.round(size() * share);
        List<int[]> kept = new ArrayList<>();
        List<int[]> out = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            (k < held ? out : kept).add(row(order.get(k)));
        }
        return List.of(of(kept), of(out));
    }
}
