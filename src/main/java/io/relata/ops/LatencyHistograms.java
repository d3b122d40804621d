package io.relata.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/**
 * Publishes histogram buckets for every relata timer, so that latency percentiles can be computed across pods
 * ({@code histogram_quantile} over {@code relata_*_seconds_bucket}): request-scale buckets from 1 ms to 10 s for
 * questions, scoring and any hop to another tier, and minute-scale buckets for training jobs. A timer whose buckets are
 * set by {@code management.metrics.distribution.slo.<name>} keeps those.
 */
@Component
class LatencyHistograms implements MeterFilter {

    /** Bucket bounds in seconds: 1 ms to 10 s. */
    static final double[] REQUEST = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    /** Bucket bounds in seconds: 10 s to 12 h. */
    static final double[] TRAINING = {10, 30, 60, 120, 300, 600, 1800, 3600, 7200, 21600, 43200};

    private static final String TRAINING_PREFIX = "relata.training.";

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER || !id.getName().startsWith("relata.")
                || (config.getServiceLevelObjectiveBoundaries() != null && config.getServiceLevelObjectiveBoundaries().length > 0)) {
            return config;
        }
        double[] seconds = id.getName().startsWith(TRAINING_PREFIX) ? TRAINING : REQUEST;
        return DistributionStatisticConfig.builder()
                .serviceLevelObjectives(Arrays.stream(seconds).map(s -> s * 1e9).toArray())
                .build()
                .merge(config);
    }
}
