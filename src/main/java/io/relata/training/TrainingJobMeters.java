package io.relata.training;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.relata.model.LinkMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The training meters: finished jobs by outcome and their duration, the jobs queued or running here, the running job's
 * progress, and the validation MRR per direction of the last job that succeeded.
 */
@Component
class TrainingJobMeters {

    private final MeterRegistry meters;
    private final AtomicReference<TrainingJob> lastSucceeded = new AtomicReference<>();

    TrainingJobMeters(MeterRegistry meters, LiveJobs live) {
        this.meters = meters;
        Gauge.builder("relata.training.unfinished", live, LiveJobs::size)
                .description("Training jobs of this process that are queued or running").register(meters);
        Gauge.builder("relata.training.progress", live, LiveJobs::runningProgress)
                .description("Progress of the running training job, 0..1 (0 when none runs)").baseUnit("ratio")
                .register(meters);
        // every outcome from the start: a rate or an alert over a series that appears only later misses its first job
        for (JobStatus status : List.of(JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED)) {
            jobs(status.wireName());
            duration(status.wireName());
        }
        for (String direction : List.of("forward", "inverse", "both")) {
            Gauge.builder("relata.training.last.mrr", lastSucceeded, last -> mrr(last.get(), direction))
                    .tag("direction", direction)
                    .description("Validation MRR of the last training job that succeeded here (NaN before one has)")
                    .register(meters);
        }
    }

    /** Counts a job that finished one way or another, and times it if it ran. */
    void finished(TrainingJob job) {
        String outcome = job.status().wireName();
        jobs(outcome).increment();
        if (job.startedAt() != null && job.finishedAt() != null) {
            duration(outcome).record(Duration.between(job.startedAt(), job.finishedAt()));
        }
        if (job.status() == JobStatus.SUCCEEDED) {
            lastSucceeded.set(job);
        }
    }

    private Counter jobs(String outcome) {
        return Counter.builder("relata.training.jobs").tag("outcome", outcome)
                .description("Training jobs that finished, by outcome").register(meters);
    }

    private Timer duration(String outcome) {
        return Timer.builder("relata.training.duration").tag("outcome", outcome)
                .description("Time from a training job's start to its end, by outcome").register(meters);
    }

    private static double mrr(TrainingJob job, String direction) {
        if (job == null || job.metrics() == null) {
            return Double.NaN;
        }
        TrainingMetrics metrics = job.metrics();
        LinkMetrics m = switch (direction) {
            case "forward" -> metrics.forward();
            case "inverse" -> metrics.inverse();
            default -> metrics.both();
        };
        return m == null ? Double.NaN : m.mrr();
    }
}
