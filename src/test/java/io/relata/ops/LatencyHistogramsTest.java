package io.relata.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LatencyHistogramsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    LatencyHistogramsTest() {
        registry.config().meterFilter(new LatencyHistograms());
    }

    private double[] buckets(Timer timer) {
        return Arrays.stream(timer.takeSnapshot().histogramCounts()).mapToDouble(b -> b.bucket(java.util.concurrent.TimeUnit.SECONDS)).toArray();
    }

    @Test
    void everyRelataTimerGetsRequestScaleBuckets() {
        Timer queries = Timer.builder("relata.queries").register(registry);
        Timer hop = Timer.builder("relata.tier.requests").register(registry);
        queries.record(Duration.ofMillis(30));

        assertThat(buckets(queries)).startsWith(0.001, 0.0025, 0.005).endsWith(5.0, 10.0);
        assertThat(buckets(hop)).hasSize(LatencyHistograms.REQUEST.length);
        CountAtBucket[] counts = queries.takeSnapshot().histogramCounts();
        assertThat(counts[4].count()).isZero(); // 25 ms
        assertThat(counts[5].count()).isEqualTo(1); // 50 ms
    }

    @Test
    void trainingTimersGetMinuteScaleBuckets() {
        Timer training = Timer.builder("relata.training.duration").register(registry);

        assertThat(buckets(training)).contains(60.0, 3600.0).doesNotContain(0.001);
    }

    @Test
    void otherTimersAreLeftAlone() {
        Timer http = Timer.builder("http.server.requests").register(registry);

        assertThat(http.takeSnapshot().histogramCounts()).isEmpty();
    }
}
