package io.relata.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.facts.FactGraph;
import io.relata.model.Triples;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

class TrainingDataReaderTest {

    private static final Map<Long, String> LABELS = Map.of(7L, "Ada", 3L, "Mira", 12L, "Owen", 5L, "female");

    @Test
    void entitiesAreIndexedInIdOrderAndRelationsInNameOrder() {
        TrainingData data = read(List.of(fact(7, "mother", 3), fact(12, "father", 7), fact(7, "gender", 5)));

        assertThat(data.vocabulary().entityIds()).containsExactly(3, 5, 7, 12);
        assertThat(data.vocabulary().entityLabels()).containsExactly("Mira", "female", "Ada", "Owen");
        assertThat(data.vocabulary().relations()).containsExactly("father", "gender", "mother");
    }

    @Test
    void triplesAreTheFactsAsIndexesSortedBySubjectRelationObject() {
        TrainingData data = read(List.of(fact(7, "mother", 3), fact(12, "father", 7), fact(7, "gender", 5)));

        Triples t = data.triples();
        // Ada(2) gender(1) female(1); Ada(2) mother(2) Mira(0); Owen(3) father(0) Ada(2)
        assertThat(t.heads()).containsExactly(2, 2, 3);
        assertThat(t.relations()).containsExactly(1, 2, 0);
        assertThat(t.tails()).containsExactly(1, 0, 2);
    }

    @Test
    void fingerprintIsTheSha256OfTheSortedFactLines() {
        TrainingData data = read(List.of(fact(7, "mother", 3), fact(12, "father", 7)));

        // printf '7\tmother\t3\n12\tfather\t7\n' | sha256sum  (sorted by subject id: 7 before 12)
        assertThat(data.fingerprint()).isEqualTo("bd7d157e92f7d13168eb3d9b391504fdda5d2e2cdae8f98995f8185705caeca2");
    }

    @Test
    void fingerprintIgnoresTheStoreOrderButNotTheFacts() {
        List<long[]> facts = new ArrayList<>();
        List<String> relations = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            facts.add(new long[] {i, (i * 7) % 30});
            relations.add(i % 3 == 0 ? "mother" : "father");
        }
        List<Fact> ordered = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            ordered.add(fact(facts.get(i)[0], relations.get(i), facts.get(i)[1]));
        }
        List<Fact> shuffled = new ArrayList<>(ordered);
        Collections.shuffle(shuffled, new java.util.Random(1));
        List<Fact> more = new ArrayList<>(ordered);
        more.add(fact(0, "mother", 29));

        TrainingData a = read(ordered);
        TrainingData b = read(shuffled);

        assertThat(b.fingerprint()).isEqualTo(a.fingerprint());
        assertThat(b.triples().heads()).containsExactly(a.triples().heads());
        assertThat(b.triples().tails()).containsExactly(a.triples().tails());
        assertThat(read(more).fingerprint()).isNotEqualTo(a.fingerprint());
    }

    @Test
    void unpackableSizesSortTheSameWay() {
        Triples triples = new Triples(new int[] {2, 0, 2, 1}, new int[] {1, 1, 0, 0}, new int[] {0, 2, 1, 1});

        Triples small = TrainingDataReader.sorted(triples, 3, 2);
        Triples huge = TrainingDataReader.sorted(triples, 2_000_000_000, 2);

        assertThat(small.heads()).containsExactly(0, 1, 2, 2);
        assertThat(small.relations()).containsExactly(1, 0, 0, 1);
        assertThat(small.tails()).containsExactly(2, 1, 1, 0);
        assertThat(huge.heads()).containsExactly(small.heads());
        assertThat(huge.relations()).containsExactly(small.relations());
        assertThat(huge.tails()).containsExactly(small.tails());
    }

    private record Fact(long subject, String relation, long object) {}

    private static Fact fact(long subject, String relation, long object) {
        return new Fact(subject, relation, object);
    }

    private static TrainingData read(List<Fact> facts) {
        return new TrainingDataReader(new ListGraph(facts), TransactionOperations.withoutTransaction()).read();
    }

    /** Facts in a list, streamed in list order. */
    private record ListGraph(List<Fact> facts) implements FactGraph {

        @Override
        public List<Long> slotSizes(String relation, boolean inverse, int buckets) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void forEachFact(FactVisitor visitor) {
            facts.forEach(f -> visitor.fact(f.subject(), f.relation(), f.object()));
        }

        @Override
        public Map<Long, String> labels(Collection<Long> entities) {
            Map<Long, String> labels = new HashMap<>();
            entities.forEach(id -> labels.put(id, LABELS.getOrDefault(id, "entity " + id)));
            return labels;
        }

        @Override
        public Map<Long, io.relata.facts.EntityRef> entities(Collection<Long> entities) {
            Map<Long, io.relata.facts.EntityRef> result = new HashMap<>();
            labels(entities).forEach((id, label) -> result.put(id, io.relata.facts.EntityRef.plain(id, label)));
            return result;
        }

        @Override
        public long factCount() {
            return facts.size();
        }

        @Override
        public Map<Long, Set<Long>> objectsOf(Collection<Long> subjects, String relation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<Long, Set<Long>> subjectsOf(Collection<Long> objects, String relation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<Long, Set<String>> attributeValues(Collection<Long> entities, String attribute) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AttributeCounts attributeCounts(String attribute, String value) {
            throw new UnsupportedOperationException();
        }
    }
}
