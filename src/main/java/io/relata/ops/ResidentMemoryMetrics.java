package io.relata.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The process's resident memory (RSS), {@code process_resident_memory_bytes} as Prometheus's own clients name it:
 * libtorch's native memory is outside the JVM's heap and non-heap pools, and RSS is what a container's memory limit
 * counts. Read from /proc/self/status; not published where that file does not exist.
 */
@Component
class ResidentMemoryMetrics implements MeterBinder {

    private final Path status;

    ResidentMemoryMetrics() {
        this(Path.of("/proc/self/status"));
    }

    ResidentMemoryMetrics(Path status) {
        this.status = status;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (Files.isReadable(status)) {
            Gauge.builder("process.resident.memory", this, ResidentMemoryMetrics::residentBytes)
                    .description("Resident set size of the process: heap, JVM and native memory (libtorch) in RAM")
                    .baseUnit("bytes")
                    .register(registry);
        }
    }

    /** VmRSS of the status file in bytes; NaN when it cannot be read. */
    double residentBytes() {
        try {
            List<String> lines = Files.readAllLines(status, StandardCharsets.US_ASCII);
            for (String line : lines) {
                if (line.startsWith("VmRSS:")) {
                    String[] fields = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return Long.parseLong(fields[0]) * 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
