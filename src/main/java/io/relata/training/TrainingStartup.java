package io.relata.training;

import io.relata.ForRoles;
import io.relata.RelataProperties;
import io.relata.facts.FactGraph;
import io.relata.model.ModelRegistry;
import io.relata.model.TrainingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, after the demo data is loaded: fails the jobs a previous process left unfinished, and, on a first start
 * (facts stored but no model in the registry), queues a training job so a new user gets inferred answers without doing
 * anything. It trains in the background; readiness does not wait for it.
 */
@Component
@Order(2)
@ForRoles({RelataProperties.Role.ALL, RelataProperties.Role.MODEL})
class TrainingStartup implements ApplicationRunner {

    /** The default recipe at a smaller rank: on the demo families this finishes in seconds on two CPU cores. */
    static final TrainingOptions FIRST_START = TrainingOptions.of(TrainingSettings.defaults().withRank(64));

    private static final Logger log = LoggerFactory.getLogger(TrainingStartup.class);

    private final TrainingJobs jobs;
    private final ModelRegistry registry;
    private final FactGraph facts;
    private final boolean trainOnFirstStart;

    @Autowired
    TrainingStartup(TrainingJobs jobs, ModelRegistry registry, FactGraph facts, RelataProperties properties) {
        this(jobs, registry, facts, properties.model().trainOnFirstStart());
    }

    TrainingStartup(TrainingJobs jobs, ModelRegistry registry, FactGraph facts, boolean trainOnFirstStart) {
        this.jobs = jobs;
        this.registry = registry;
        this.facts = facts;
        this.trainOnFirstStart = trainOnFirstStart;
    }

    @Override
    public void run(ApplicationArguments args) {
        jobs.recoverInterrupted();
        if (!trainOnFirstStart || !registry.list().isEmpty()) {
            return;
        }
        long stored = facts.factCount();
        if (stored < TrainingJobs.MIN_FACTS) {
            log.info("No model yet and only {} stored facts; add facts and POST /v1/training-jobs to train one", stored);
            return;
        }
        TrainingJob job = jobs.submit(FIRST_START);
        log.info("No model yet: training one on the {} stored facts in the background (job {}); "
                + "set relata.model.train-on-first-start=false to skip", stored, job.id());
    }
}
