package io.relata.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Which entities can fill each end of each relation, learned from the stated facts. An entity's signature is the set of
 * relation ends it occurs at (subject of mother, object of gender, ...) and the values of its attributes (gender =
 * male). An entity fits an end of a relation when it shares an end that is characteristic of the entities that fill it
 * (a year, which only ever occurs as the object of born, never fits the subject of mother) and none of its attribute
 * values is (nearly) absent among them (no stated mother is male, so a man is never somebody's mother).
 *
 * <p>An attribute is a relation with few distinct objects, each shared by many subjects (gender: male, female).
 * Relation ends are features {@code 2·relation + side} (side 0 subject, 1 object); attribute values are features from
 * {@code 2·relationCount} on.
 */
public final class Roles {

    /** An end is characteristic of a role when at least this share of its fillers occur at it. */
    static final double CHARACTERISTIC_SHARE = 0.02;
    /** An attribute value is incompatible with a role when at most this share of its fillers with the attribute have it. */
    static final double INCOMPATIBLE_SHARE = 0.02;
    /** Fillers with the attribute stated that a role needs before an absent value counts as incompatible. */
    static final int MIN_ATTRIBUTE_SUPPORT = 5;
    /** An attribute has at most this many distinct values, ... */
    static final int MAX_ATTRIBUTE_VALUES = 50;
    /** ... at least this many subjects per value, ... */
    static final int MIN_SUBJECTS_PER_VALUE = 5;
    /** ... and values that are hardly ever the subject of a fact themselves (male, female; not people). */
    static final double MAX_VALUES_AS_SUBJECTS = 0.1;

    private static final int MAGIC = 0x524f4c45; // "ROLE"

    private final int relationCount;
    /** Entity e's features are features[offsets[e] .. offsets[e + 1]), sorted. */
    private final int[] offsets;
    private final int[] features;
    /** Attribute value feature (index from 2·relationCount) → {attribute relation, value entity}. */
    private final int[][] attributeValues;
    /** Per role (2·relation + side): the relation ends characteristic of its fillers. */
    private final BitSet[] characteristic;
    /** Per role: attribute value features incompatible with it. */
    private final BitSet[] incompatible;
    /** Per role: the log-odds that an entity fitting it fills it. */
    private final double[] fillLogOdds;


    private Roles(int relationCount, int[] offsets, int[] features, int[][] attributeValues) {
        this.relationCount = relationCount;
        this.offsets = offsets;
        this.features = features;
        this.attributeValues = attributeValues;
        this.characteristic = new BitSet[2 * relationCount];
        this.incompatible = new BitSet[2 * relationCount];
        learn();
        this.fillLogOdds = fillLogOdds();
    }

    /** Roles that constrain nothing: every entity fits every relation (a model saved without roles). */
    static Roles none(int entityCount, int relationCount) {
        return new Roles(relationCount, new int[entityCount + 1], new int[0], new int[0][]);
    }

    /** Learns the roles of every relation from these facts. */
    public static Roles of(Triples facts, int entityCount, int relationCount) {
        int[][] attributeValues = attributeValues(facts, relationCount);
        Map<Long, Integer> valueFeature = new HashMap<>();
        for (int i = 0; i < attributeValues.length; i++) {
            valueFeature.put(key(attributeValues[i][0], attributeValues[i][1]), 2 * relationCount + i);
        }
        BitSet[] signatures = new BitSet[entityCount];
        for (int e = 0; e < entityCount; e++) {
            signatures[e] = new BitSet();
        }
        for (int i = 0; i < facts.size(); i++) {
            int h = facts.heads()[i];
            int r = facts.relations()[i];
            int t = facts.tails()[i];
            signatures[h].set(2 * r);
            signatures[t].set(2 * r + 1);
            Integer value = valueFeature.get(key(r, t));
            if (value != null) {
                signatures[h].set(value);
            }
        }
        int[] offsets = new int[entityCount + 1];
        for (int e = 0; e < entityCount; e++) {
            offsets[e + 1] = offsets[e] + signatures[e].cardinality();
        }
        int[] features = new int[offsets[entityCount]];
        for (int e = 0; e < entityCount; e++) {
            int at = offsets[e];
            for (int f = signatures[e].nextSetBit(0); f >= 0; f = signatures[e].nextSetBit(f + 1)) {
                features[at++] = f;
            }
        }
        return new Roles(relationCount, offsets, features, attributeValues);
    }

    /**
     * Relations with few distinct objects, each shared by many subjects and hardly ever a subject itself, and their
     * values, as {relation, value} pairs.
     */
    private static int[][] attributeValues(Triples facts, int relationCount) {
        Map<Integer, Map<Integer, Integer>> subjectsPerValue = new HashMap<>();
        BitSet subjects = new BitSet();
        for (int i = 0; i < facts.size(); i++) {
            subjectsPerValue.computeIfAbsent(facts.relations()[i], r -> new HashMap<>()).merge(facts.tails()[i], 1, Integer::sum);
            subjects.set(facts.heads()[i]);
        }
        return subjectsPerValue.entrySet().stream()
                .filter(e -> e.getValue().size() <= MAX_ATTRIBUTE_VALUES)
                .filter(e -> e.getValue().values().stream().mapToInt(Integer::intValue).sum()
                        >= (long) MIN_SUBJECTS_PER_VALUE * e.getValue().size())
                .filter(e -> e.getValue().keySet().stream().filter(subjects::get).count()
                        <= MAX_VALUES_AS_SUBJECTS * e.getValue().size())
                .flatMap(e -> e.getValue().keySet().stream().map(value -> new int[] {e.getKey(), value}))
                .sorted((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]))
                .toArray(int[][]::new);
    }

    /** Counts, per role, the features of the entities that fill it, and keeps what is characteristic and incompatible. */
    private void learn() {
        int roles = 2 * relationCount;
        int featureCount = roles + attributeValues.length;
        int[][] counts = new int[roles][];
        int[] fillers = new int[roles];
        for (int e = 0; e + 1 < offsets.length; e++) {
            for (int i = offsets[e]; i < offsets[e + 1] && features[i] < roles; i++) {
                int role = features[i];
                if (counts[role] == null) {
                    counts[role] = new int[featureCount];
                }
                fillers[role]++;
                for (int j = offsets[e]; j < offsets[e + 1]; j++) {
                    counts[role][features[j]]++;
                }
            }
        }
        for (int role = 0; role < roles; role++) {
            characteristic[role] = new BitSet(roles);
            incompatible[role] = new BitSet();
            if (counts[role] == null) {
                continue;
            }
            double needed = Math.max(1, Math.round(CHARACTERISTIC_SHARE * fillers[role]));
            for (int f = 0; f < roles; f++) {
                if (counts[role][f] >= needed) {
                    characteristic[role].set(f);
                }
            }
            Map<Integer, Integer> withAttribute = new HashMap<>();
            for (int v = 0; v < attributeValues.length; v++) {
                withAttribute.merge(attributeValues[v][0], counts[role][roles + v], Integer::sum);
            }
            for (int v = 0; v < attributeValues.length; v++) {
                int support = withAttribute.get(attributeValues[v][0]);
                if (support >= MIN_ATTRIBUTE_SUPPORT && counts[role][roles + v] <= INCOMPATIBLE_SHARE * support) {
                    incompatible[role].set(v);
                }
            }
        }
    }

    /**
     * Whether the entity can be the subject ({@code objectSide} false) or the object of the relation. A relation no
     * stated fact uses constrains nothing.
     */
    public boolean fits(int entity, int relation, boolean objectSide) {
        int role = 2 * relation + (objectSide ? 1 : 0);
        if (relation >= relationCount || entity >= offsets.length - 1 || characteristic[role].isEmpty()) {
            return true;
        }
        boolean shares = false;
        int roles = 2 * relationCount;
        for (int i = offsets[entity]; i < offsets[entity + 1]; i++) {
            int f = features[i];
            if (f < roles) {
                shares |= characteristic[role].get(f);
            } else if (incompatible[role].get(f - roles)) {
                return false;
            }
        }
        return shares;
    }

    /** Whether a stated fact puts the entity at this relation end (2·relation + side). */
    boolean fills(int entity, int end) {
        return entity < offsets.length - 1 && Arrays.binarySearch(features, offsets[entity], offsets[entity + 1], end) >= 0;
    }

    /**
     * The log-odds, smoothed, that an entity which can stand at this relation end (2·relation + side) fills it among
     * the stated facts: of the people who can have a mother, how many have one stated. A slot that is empty although
     * most of its kind are filled is likelier to hold an answer nobody stated than one whose kind is mostly empty.
     */
    double fillLogOdds(int end) {
        return end >= 0 && end < fillLogOdds.length ? fillLogOdds[end] : 0;
    }

    private double[] fillLogOdds() {
        double[] odds = new double[2 * relationCount];
        for (int role = 0; role < odds.length; role++) {
            int fitting = 0;
            int filled = 0;
            for (int e = 0; e + 1 < offsets.length; e++) {
                if (fits(e, role / 2, role % 2 == 1)) {
                    fitting++;
                    filled += fills(e, role) ? 1 : 0;
                }
            }
            odds[role] = Math.log((filled + 0.5) / (fitting - filled + 0.5));
        }
        return odds;
    }

    /** Whether the entity can be asked about in this direction: the subject for (e, r, ?), the object for (?, r, e). */
    public boolean canAsk(int entity, int relation, boolean inverse) {
        return fits(entity, relation, inverse);
    }

    /** Whether the entity can answer a query in this direction: an object of (e, r, ?), a subject of (?, r, e). */
    public boolean canAnswer(int entity, int relation, boolean inverse) {
        return fits(entity, relation, !inverse);
    }

    int entityCount() {
        return offsets.length - 1;
    }

    private static long key(int relation, int value) {
        return ((long) relation << 32) | (value & 0xffffffffL);
    }

    void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(relationCount);
        data.writeInt(offsets.length - 1);
        data.writeInt(features.length);
        data.writeInt(attributeValues.length);
        for (int offset : offsets) {
            data.writeInt(offset);
        }
        for (int feature : features) {
            data.writeInt(feature);
        }
        for (int[] value : attributeValues) {
            data.writeInt(value[0]);
            data.writeInt(value[1]);
        }
        data.flush();
    }

    static Roles read(InputStream in, int entityCount, int relationCount) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC || data.readInt() != relationCount || data.readInt() != entityCount) {
            throw new IOException("the roles file does not match the model");
        }
        int featureCount = data.readInt();
        int valueCount = data.readInt();
        if (featureCount < 0 || valueCount < 0) {
            throw new IOException("the roles file is malformed");
        }
        int[] offsets = new int[entityCount + 1];
        for (int i = 0; i <= entityCount; i++) {
            offsets[i] = data.readInt();
        }
        int[] features = new int[featureCount];
        for (int i = 0; i < featureCount; i++) {
            features[i] = data.readInt();
        }
        int[][] values = new int[valueCount][];
        for (int i = 0; i < valueCount; i++) {
            values[i] = new int[] {data.readInt(), data.readInt()};
        }
        if (offsets[0] != 0 || offsets[entityCount] != featureCount
                || Arrays.stream(features).anyMatch(f -> f < 0 || f >= 2 * relationCount + valueCount)) {
            throw new IOException("the roles file is malformed");
        }
        return new Roles(relationCount, offsets, features, values);
    }
}
