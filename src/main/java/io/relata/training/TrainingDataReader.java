package io.relata.training;

import io.relata.ForRoles;
import io.relata.RelataProperties;
import io.relata.facts.FactGraph;
import io.relata.model.Triples;
import io.relata.model.Vocabulary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads every stored fact into {@link TrainingData}. Entities get indexes in ascending id order and relations in name
 * order, so the same facts always give the same vocabulary, triples and fingerprint whatever order the store returns
 * them in.
 */
@Component
@ForRoles({RelataProperties.Role.ALL, RelataProperties.Role.MODEL})
class TrainingDataReader {

    private static final int LABEL_CHUNK = 10_000;

    private final FactGraph facts;
    private final TransactionOperations readOnly;

    @Autowired
    TrainingDataReader(FactGraph facts, PlatformTransactionManager transactions) {
        this(facts, readOnly(transactions));
    }

    TrainingDataReader(FactGraph facts, TransactionOperations readOnly) {
        this.facts = facts;
        this.readOnly = readOnly;
    }

    private static TransactionOperations readOnly(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        return template;
    }

    TrainingData read() {
        Rows rows = new Rows();
        Map<String, Integer> relationSeen = new HashMap<>();
        List<String> relationNames = new ArrayList<>();
        // inside a transaction PostgreSQL streams the rows with the fetch size instead of loading them all at once
        readOnly.executeWithoutResult(status -> facts.forEachFact((subject, relation, object) -> {
            Integer r = relationSeen.get(relation);
            if (r == null) {
                r = relationNames.size();
                relationSeen.put(relation, r);
                relationNames.add(relation);
            }
            rows.add(subject, r, object);
        }));

        long[] entityIds = distinctSorted(rows);
        String[] relations = relationNames.toArray(String[]::new);
        int[] relationRank = rankOf(relations);
        String[] sortedRelations = relations.clone();
        Arrays.sort(sortedRelations);

        int n = rows.size;
        int[] heads = new int[n];
        int[] rels = new int[n];
        int[] tails = new int[n];
        for (int i = 0; i < n; i++) {
            heads[i] = Arrays.binarySearch(entityIds, rows.subjects[i]);
            rels[i] = relationRank[rows.relations[i]];
            tails[i] = Arrays.binarySearch(entityIds, rows.objects[i]);
        }
        Triples sorted = sorted(new Triples(heads, rels, tails), entityIds.length, sortedRelations.length);
        MessageDigest digest = sha256();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            line.setLength(0);
            line.append(entityIds[sorted.heads()[i]]).append('\t').append(sortedRelations[sorted.relations()[i]])
                    .append('\t').append(entityIds[sorted.tails()[i]]).append('\n');
            digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        Vocabulary vocabulary = new Vocabulary(entityIds, labels(entityIds), List.of(sortedRelations));
        return new TrainingData(vocabulary, sorted, HexFormat.of().formatHex(digest.digest()));
    }

    private List<String> labels(long[] entityIds) {
        List<String> labels = new ArrayList<>(entityIds.length);
        for (int start = 0; start < entityIds.length; start += LABEL_CHUNK) {
            List<Long> chunk = new ArrayList<>();
            for (int i = start; i < Math.min(entityIds.length, start + LABEL_CHUNK); i++) {
                chunk.add(entityIds[i]);
            }
            Map<Long, String> found = facts.labels(chunk);
            for (Long id : chunk) {
                labels.add(found.getOrDefault(id, ""));
            }
        }
        return labels;
    }

    private static long[] distinctSorted(Rows rows) {
        long[] all = new long[rows.size * 2];
        System.arraycopy(rows.subjects, 0, all, 0, rows.size);
        System.arraycopy(rows.objects, 0, all, rows.size, rows.size);
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[distinct++] = all[i];
            }
        }
        return Arrays.copyOf(all, distinct);
    }

    /** For each relation in order of first appearance, its index in name order. */
    private static int[] rankOf(String[] relations) {
        String[] sorted = relations.clone();
        Arrays.sort(sorted);
        int[] rank = new int[relations.length];
        for (int i = 0; i < relations.length; i++) {
            rank[i] = Arrays.binarySearch(sorted, relations[i]);
        }
        return rank;
    }

    /** The triples sorted by (head, relation, tail); indexes are in id and name order, so this is the fact order. */
    static Triples sorted(Triples triples, int entityCount, int relationCount) {
        int n = triples.size();
        int[] heads = triples.heads();
        int[] relations = triples.relations();
        int[] tails = triples.tails();
        if ((double) entityCount * entityCount * Math.max(1, relationCount) < Long.MAX_VALUE / 2.0) {
            // (head, relation, tail) packed into one long sorts as the tuple, without boxing
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = ((long) heads[i] * relationCount + relations[i]) * entityCount + tails[i];
            }
            Arrays.sort(keys);
            int[] h = new int[n];
            int[] r = new int[n];
            int[] t = new int[n];
            for (int i = 0; i < n; i++) {
                t[i] = (int) (keys[i] % entityCount);
                long headRelation = keys[i] / entityCount;
                r[i] = (int) (headRelation % relationCount);
                h[i] = (int) (headRelation / relationCount);
            }
            return new Triples(h, r, t);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> heads[i])
                .thenComparingInt(i -> relations[i]).thenComparingInt(i -> tails[i]));
        int[] h = new int[n];
        int[] r = new int[n];
        int[] t = new int[n];
        for (int k = 0; k < n; k++) {
            h[k] = heads[order[k]];
            r[k] = relations[order[k]];
            t[k] = tails[order[k]];
        }
        return new Triples(h, r, t);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Facts as they stream in: ids and first-appearance relation numbers in growing primitive arrays. */
    private static final class Rows {
        long[] subjects = new long[1024];
        int[] relations = new int[1024];
        long[] objects = new long[1024];
        int size;

        void add(long subject, int relation, long object) {
            if (size == subjects.length) {
                int capacity = size * 2;
                subjects = Arrays.copyOf(subjects, capacity);
                relations = Arrays.copyOf(relations, capacity);
                objects = Arrays.copyOf(objects, capacity);
            }
            subjects[size] = subject;
            relations[size] = relation;
            objects[size] = object;
            size++;
        }
    }
}
