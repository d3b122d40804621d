package io.relata.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many answers a query of each relation and direction has, learned from the stated facts: a person has one mother
 * (mother, forward, is functional), a mother may have many children. {@link #rivalLogFactor} turns this into the log of
 * the probability that a slot already filled by {@code s} stated answers has yet another one.
 *
 * @param forward per relation, at k: the subjects with exactly k + 1 objects (the last counts k + 1 or more)
 * @param inverse per relation, at k: the objects with exactly k + 1 subjects (the last as above)
 */
public record Cardinality(List<List<Long>> forward, List<List<Long>> inverse) {

    /** Slot sizes told apart; larger slots share the last count. */
    public static final int SIZES = 8;

    public Cardinality {
        forward = forward == null ? List.of() : forward.stream().map(List::copyOf).toList();
        inverse = inverse == null ? List.of() : inverse.stream().map(List::copyOf).toList();
    }

    public static Cardinality of(Triples facts, int relationCount) {
        Map<Long, Integer> objects = new HashMap<>();
        Map<Long, Integer> subjects = new HashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            int r = facts.relations()[i];
            objects.merge(((long) facts.heads()[i] * relationCount) + r, 1, Integer::sum);
            subjects.merge(((long) facts.tails()[i] * relationCount) + r, 1, Integer::sum);
        }
        return new Cardinality(histograms(objects, relationCount), histograms(subjects, relationCount));
    }

    private static List<List<Long>> histograms(Map<Long, Integer> slots, int relationCount) {
        long[][] counts = new long[relationCount][SIZES];
        slots.forEach((key, size) -> counts[(int) (key % relationCount)][Math.min(size, SIZES) - 1]++);
        return Arrays.stream(counts).map(c -> Arrays.stream(c).boxed().toList()).toList();
    }

    /**
     * log P(the slot has more than {@code stated} answers | it has at least {@code stated}), Laplace-smoothed, for a
     * slot of this relation and direction already filled by {@code stated} stated answers; 0 when nothing is stated.
     */
    public double rivalLogFactor(int relation, boolean inverse, int stated) {
        if (stated <= 0) {
            return 0;
        }
        List<List<Long>> side = inverse ? this.inverse : forward;
        return relation >= side.size() ? 0 : rivalLogFactor(side.get(relation), stated);
    }

    /**
     * As {@link #rivalLogFactor(int, boolean, int)} for one relation and direction given its slot sizes: how many
     * slots have exactly 1, 2, ... answers, the last of {@value #SIZES} counting that many or more.
     */
    public static double rivalLogFactor(List<Long> sizes, int stated) {
        if (stated <= 0 || sizes.size() != SIZES) {
            return 0;
        }
        int s = Math.min(stated, SIZES - 1);
        long atLeast = 0;
        for (int k = s - 1; k < SIZES; k++) {
            atLeast += sizes.get(k);
        }
        long more = atLeast - sizes.get(s - 1);
        return Math.log((more + 1.0) / (atLeast + 2.0));
    }

    /**
     * P(a slot of this relation and direction holds exactly one answer | it holds any), Laplace-smoothed, from the stated
     * slot sizes: near 1 for a person's mother or gender, near 0 for a parent's children; 0 for a relation no stated
     * fact uses.
     */
    public double singleAnswerShare(int relation, boolean inverse) {
        List<List<Long>> side = inverse ? this.inverse : forward;
        if (relation < 0 || relation >= side.size() || side.get(relation).size() != SIZES) {
            return 0;
        }
        List<Long> sizes = side.get(relation);
        long slots = sizes.stream().mapToLong(Long::longValue).sum();
        return slots == 0 ? 0 : (sizes.get(0) + 0.5) / (slots + 1.0);
    }

    /** No knowledge of cardinality: nothing is ever a rival. */
    public static Cardinality none() {
        return new Cardinality(List.of(), List.of());
    }
}
