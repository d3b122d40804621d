package io.relata.training;

import java.util.function.Consumer;

/** A job this process accepted and has not finished: its latest state, whether it was asked to stop, who follows it. */
final class LiveJob {

    volatile TrainingJob job;
    volatile boolean cancel;
    final Consumer<TrainingStep> follower;

    LiveJob(TrainingJob job, Consumer<TrainingStep> follower) {
        this.job = job;
        this.follower = follower;
    }
}
