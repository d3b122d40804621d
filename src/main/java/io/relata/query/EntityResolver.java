package io.relata.query;

import io.relata.RelataProperties;
import io.relata.facts.EntityDirectory;
import io.relata.facts.EntityDirectory.KeyedEntity;
import io.relata.facts.EntityRef;
import io.relata.facts.Labels;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Turns a mention into one entity: exact label, then alias, then folded (case, accents), then fuzzy; never a guess. */
@Service
public class EntityResolver {

    private static final int FUZZY_POOL = 2000;
    private static final double CANDIDATE_FLOOR = 0.5;
    /** A fuzzy match is taken only when the runner-up is at least this much less similar. */
    private static final double CLEAR_LEAD = 0.05;

    private final EntityDirectory directory;
    private final RelataProperties.Query settings;

    EntityResolver(EntityDirectory directory, RelataProperties properties) {
        this.directory = directory;
        this.settings = properties.query();
    }

    public ResolvedEntity resolve(String mention) {
        Optional<EntityRef> exact = directory.byLabel(mention);
        if (exact.isPresent()) {
            return new ResolvedEntity(exact.get(), mention, MatchKind.EXACT);
        }
        Optional<ResolvedEntity> alias = single(directory.byAlias(mention), mention, MatchKind.ALIAS);
        if (alias.isPresent()) {
            return alias.get();
        }
        String key = Labels.key(mention);
        Optional<ResolvedEntity> folded = single(directory.byKey(key), mention, MatchKind.FOLDED);
        if (folded.isPresent()) {
            return folded.get();
        }
        return fuzzy(mention, key);
    }

    private Optional<ResolvedEntity> single(List<EntityRef> found, String mention, MatchKind kind) {
        if (found.size() > 1) {
            throw new UnknownEntityException(mention, found.subList(0, Math.min(found.size(), settings.maxCandidates())), true);
        }
        return found.stream().findFirst().map(e -> new ResolvedEntity(e, mention, kind));
    }

    private ResolvedEntity fuzzy(String mention, String key) {
        List<String> prefixes = Arrays.stream(key.split(" "))
                .filter(w -> w.length() >= 2)
                .map(w -> w.substring(0, 2))
                .distinct()
                .limit(8)
                .toList();
        record Scored(EntityRef entity, double similarity) {}
        List<Scored> ranked = directory.withWordPrefixes(prefixes, FUZZY_POOL).stream()
                .map((KeyedEntity k) -> new Scored(k.entity(), Similarity.of(key, k.key())))
                .filter(s -> s.similarity() >= CANDIDATE_FLOOR)
                .sorted(Comparator.comparingDouble(Scored::similarity).reversed().thenComparing(s -> s.entity().label()))
                .toList();
        if (!ranked.isEmpty()) {
            Scored best = ranked.get(0);
            boolean clear = ranked.size() == 1 || ranked.get(1).similarity() <= best.similarity() - CLEAR_LEAD;
            if (best.similarity() >= settings.fuzzyThreshold() && clear) {
                return new ResolvedEntity(best.entity(), mention, MatchKind.FUZZY);
            }
        }
        List<EntityRef> candidates = ranked.stream().limit(settings.maxCandidates()).map(Scored::entity).toList();
        boolean ambiguous = !ranked.isEmpty() && ranked.get(0).similarity() >= settings.fuzzyThreshold();
        throw new UnknownEntityException(mention, candidates, ambiguous);
    }
}
