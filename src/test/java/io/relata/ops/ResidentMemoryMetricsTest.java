package io.relata.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResidentMemoryMetricsTest {

    @Test
    void readsVmRssInKibibytesAsBytes(@TempDir Path dir) throws Exception {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  123456 kB\nThreads:\t42\n");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new ResidentMemoryMetrics(status).bindTo(registry);

        assertThat(registry.get("process.resident.memory").gauge().value()).isEqualTo(123456 * 1024.0);
    }

    @Test
    void nothingIsPublishedWithoutAStatusFile(@TempDir Path dir) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new ResidentMemoryMetrics(dir.resolve("missing")).bindTo(registry);

        assertThat(registry.find("process.resident.memory").gauge()).isNull();
    }

    @Test
    void anUnreadableLineIsNotANumber(@TempDir Path dir) throws Exception {
        Path status = dir.resolve("status");
        Files.writeString(status, "VmRSS:\tlots\n");

        assertThat(new ResidentMemoryMetrics(status).residentBytes()).isNaN();
    }
}
