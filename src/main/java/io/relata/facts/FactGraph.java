package io.relata.facts;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stated facts read for answering, through the (subject, relation) and (object, relation) indexes. */
public interface FactGraph {

    /** For each subject, the objects of its {@code relation} facts. */
    Map<Long, Set<Long>> objectsOf(Collection<Long> subjects, String relation);

    /** For each object, the subjects of the {@code relation} facts that name it. */
    Map<Long, Set<Long>> subjectsOf(Collection<Long> objects, String relation);

    /** For each entity, the labels of its {@code attribute} values (gender → "male"). */
    Map<Long, Set<String>> attributeValues(Collection<Long> entities, String attribute);

    /** How many entities have {@code attribute} stated, and how many of them have it equal to {@code value}. */
    AttributeCounts attributeCounts(String attribute, String value);

    /** Entities with the attribute stated, and those among them with the value asked about (case-insensitively). */
    record AttributeCounts(long withValue, long withAttribute) {}

    /**
     * How many entities have exactly 1, 2, ... objects of {@code relation} (subjects when {@code inverse}), the last of
     * {@code buckets} counting that many or more.
     */
    List<Long> slotSizes(String relation, boolean inverse, int buckets);

    Map<Long, String> labels(Collection<Long> entities);

    /** The entities as shown to users: key, label and description, by id. */
    Map<Long, EntityRef> entities(Collection<Long> entities);

    long factCount();

    /** Streams every stored fact, in id order, without holding them all in memory. */
    void forEachFact(FactVisitor visitor);

    /** Receives stored facts one at a time. */
    @FunctionalInterface
    interface FactVisitor {
        void fact(long subjectId, String relation, long objectId);
    }
}
