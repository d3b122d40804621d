package io.relata.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The read side of the store: facts and attributes, over plain SQL. */
@Repository
class JdbcFacts implements FactGraph {

    private static final int CHUNK = 500;
    private static final long COUNTS_TTL_MILLIS = 60_000;

    private final JdbcClient jdbc;
    private final Map<String, CachedCounts> counts = new ConcurrentHashMap<>();
    private final Map<String, CachedSizes> sizes = new ConcurrentHashMap<>();

    JdbcFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record CachedCounts(AttributeCounts counts, long computedAt) {}

    @Override
    public Map<Long, Set<Long>> objectsOf(Collection<Long> subjects, String relation) {
        return neighbours("select subject_id as from_id, object_id as to_id from fact where relation = :relation and subject_id in (:ids)", subjects, relation);
    }

    @Override
    public Map<Long, Set<Long>> subjectsOf(Collection<Long> objects, String relation) {
        return neighbours("select object_id as from_id, subject_id as to_id from fact where relation = :relation and object_id in (:ids)", objects, relation);
    }

    private Map<Long, Set<Long>> neighbours(String sql, Collection<Long> from, String relation) {
        Map<Long, Set<Long>> result = new HashMap<>();
        for (List<Long> chunk : chunks(from)) {
            jdbc.sql(sql).param("relation", relation).param("ids", chunk).query(rs -> {
                result.computeIfAbsent(rs.getLong("from_id"), k -> new LinkedHashSet<>()).add(rs.getLong("to_id"));
            });
        }
        return result;
    }

    @Override
    public Map<Long, Set<String>> attributeValues(Collection<Long> entities, String attribute) {
        Map<Long, Set<String>> result = new HashMap<>();
        for (List<Long> chunk : chunks(entities)) {
            jdbc.sql("""
                    select f.subject_id, e.label from fact f join entity e on e.id = f.object_id
                    where f.relation = :relation and f.subject_id in (:ids)""")
                    .param("relation", attribute).param("ids", chunk)
                    .query(rs -> {
                        result.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
                    });
        }
        return result;
    }

    @Override
    public AttributeCounts attributeCounts(String attribute, String value) {
        String cacheKey = attribute + "\t" + value.toLowerCase(Locale.ROOT);
        long now = System.currentTimeMillis();
        CachedCounts cached = counts.get(cacheKey);
        if (cached != null && now - cached.computedAt() < COUNTS_TTL_MILLIS) {
            return cached.counts();
        }
        long all = jdbc.sql("select count(distinct subject_id) from fact where relation = ?")
                .param(attribute).query(Long.class).single();
        long matching = jdbc.sql("""
                select count(distinct f.subject_id) from fact f join entity e on e.id = f.object_id
                where f.relation = ? and lower(e.label) = ?""")
                .params(attribute, value.toLowerCase(Locale.ROOT)).query(Long.class).single();
        AttributeCounts result = new AttributeCounts(matching, all);
        counts.put(cacheKey, new CachedCounts(result, now));
        return result;
    }

    @Override
    public List<Long> slotSizes(String relation, boolean inverse, int buckets) {
        String cacheKey = relation + "\t" + inverse + "\t" + buckets;
        long now = System.currentTimeMillis();
        CachedSizes cached = sizes.get(cacheKey);
        if (cached != null && now - cached.computedAt() < COUNTS_TTL_MILLIS) {
            return cached.sizes();
        }
        String end = inverse ? "object_id" : "subject_id";
        long[] counts = new long[buckets];
        jdbc.sql("select n, count(*) from (select count(*) as n from fact where relation = ? group by " + end + ") s group by n")
                .param(relation)
                .query(rs -> {
                    counts[(int) Math.min(rs.getLong(1), buckets) - 1] += rs.getLong(2);
                });
        List<Long> result = java.util.Arrays.stream(counts).boxed().toList();
        sizes.put(cacheKey, new CachedSizes(result, now));
        return result;
    }

    private record CachedSizes(List<Long> sizes, long computedAt) {}

    @Override
    public Map<Long, String> labels(Collection<Long> entities) {
        Map<Long, String> result = new HashMap<>();
        for (List<Long> chunk : chunks(entities)) {
            jdbc.sql("select id, label from entity where id in (:ids)").param("ids", chunk)
                    .query(rs -> {
                        result.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return result;
    }

    @Override
    public Map<Long, EntityRef> entities(Collection<Long> entities) {
        Map<Long, EntityRef> result = new HashMap<>();
        for (List<Long> chunk : chunks(entities)) {
            jdbc.sql("select " + EntityRefs.COLUMNS + " from entity e where e.id in (:ids)").param("ids", chunk)
                    .query(rs -> {
                        EntityRef ref = EntityRefs.read(rs);
                        result.put(ref.id(), ref);
                    });
        }
        return result;
    }

    @Override
    public long factCount() {
        return jdbc.sql("select count(*) from fact").query(Long.class).single();
    }

    @Override
    public void forEachFact(FactVisitor visitor) {
        jdbc.sql("select subject_id, relation, object_id from fact order by id")
                .withFetchSize(10_000)
                .query(rs -> {
                    visitor.fact(rs.getLong(1), rs.getString(2), rs.getLong(3));
                });
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(new LinkedHashSet<>(ids));
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
