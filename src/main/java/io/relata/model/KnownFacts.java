package io.relata.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Every true (h, r, t) the evaluation knows of, looked up by (h, r) for answers and by (r, t) for subjects. */
final class KnownFacts {

    private static final int[] NONE = new int[0];

    private final int relationCount;
    private final Map<Long, int[]> answers = new HashMap<>();
    private final Map<Long, int[]> subjects = new HashMap<>();

    KnownFacts(int relationCount, Triples... splits) {
        this.relationCount = relationCount;
        Map<Long, IntList> a = new HashMap<>();
        Map<Long, IntList> s = new HashMap<>();
        for (Triples split : splits) {
            for (int i = 0; i < split.size(); i++) {
                a.computeIfAbsent(key(split.heads()[i], split.relations()[i]), k -> new IntList()).add(split.tails()[i]);
                s.computeIfAbsent(key(split.tails()[i], split.relations()[i]), k -> new IntList()).add(split.heads()[i]);
            }
        }
        a.forEach((k, v) -> answers.put(k, v.sortedDistinct()));
        s.forEach((k, v) -> subjects.put(k, v.sortedDistinct()));
    }

    /** The known objects of (head, relation), sorted. */
    int[] objects(int head, int relation) {
        return answers.getOrDefault(key(head, relation), NONE);
    }

    /** The known subjects of (?, relation, tail), sorted. */
    int[] subjects(int tail, int relation) {
        return subjects.getOrDefault(key(tail, relation), NONE);
    }

    boolean contains(int head, int relation, int tail) {
        return Arrays.binarySearch(objects(head, relation), tail) >= 0;
    }

    private long key(int entity, int relation) {
        return (long) entity * relationCount + relation;
    }

    private static final class IntList {
        private int[] values = new int[4];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] sortedDistinct() {
            return Arrays.stream(values, 0, size).sorted().distinct().toArray();
        }
    }
}
