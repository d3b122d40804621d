package io.relata.tier;

import io.relata.model.LinkQuery;
import java.util.Arrays;

/**
 * One row of an infer call: a link query and how many predictions it wants. {@code k} = 0 asks only whether the model
 * knows the entity; {@code candidate} &lt; 0 means none (the best {@code k} are wanted, not one entity judged).
 */
record InferRow(long entity, String relation, boolean inverse, long[] stated, long candidate, int k) {

    static InferRow of(LinkQuery query, int k) {
        long[] stated = query.statedAnswers().stream().mapToLong(Long::longValue).sorted().toArray();
        return new InferRow(query.entityId(), query.relation(), query.inverse(), stated,
                query.candidate() == null ? -1 : query.candidate(), k);
    }

    /** A row that only asks whether the model knows the entity. */
    static InferRow probe(long entity) {
        return new InferRow(entity, "", false, new long[0], -1, 0);
    }

    LinkQuery query() {
        return new LinkQuery(entity, relation, inverse, Arrays.stream(stated).boxed().collect(java.util.stream.Collectors.toSet()),
                candidate < 0 ? null : candidate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InferRow r && entity == r.entity && relation.equals(r.relation) && inverse == r.inverse
                && Arrays.equals(stated, r.stated) && candidate == r.candidate && k == r.k;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(entity, relation, inverse, Arrays.hashCode(stated), candidate, k);
    }

    @Override
    public String toString() {
        return "InferRow[" + entity + ", " + relation + (inverse ? "⁻¹" : "") + ", stated=" + Arrays.toString(stated)
                + ", candidate=" + candidate + ", k=" + k + "]";
    }
}
