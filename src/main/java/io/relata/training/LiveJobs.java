package io.relata.training;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The jobs this process accepted and has not finished, by id. */
@Component
class LiveJobs {

    private final Map<String, LiveJob> jobs = new ConcurrentHashMap<>();

    void add(LiveJob entry) {
        jobs.put(entry.job.id(), entry);
    }

    Optional<LiveJob> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    void remove(String id) {
        jobs.remove(id);
    }

    Set<String> ids() {
        return Set.copyOf(jobs.keySet());
    }

    Collection<LiveJob> all() {
        return jobs.values();
    }

    int size() {
        return jobs.size();
    }

    /** Progress of the running job, 0..1; 0 when none runs. */
    double runningProgress() {
        return jobs.values().stream().filter(l -> l.job.status() == JobStatus.RUNNING)
                .mapToDouble(l -> l.job.progress()).max().orElse(0);
    }
}
