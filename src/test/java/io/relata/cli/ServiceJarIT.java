package io.relata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar started as the image and the chart start it (no command, only settings): it serves, and a CPU start
 * logs no GPU warning, Flyway's database warning at most once however often the health is probed, and one line saying
 * where relata listens, its store, home, model and device.
 */
class ServiceJarIT {

    private static final Path JAR = Path.of("target", "relata.jar").toAbsolutePath();
    private static final Pattern READY = Pattern.compile("relata ready: listening on port (\\d+); store (\\S+); home (\\S+); "
            + "(no model yet|model \\S+ \\(local\\)); device (cpu|gpu)");

    @Test
    void aCpuStartIsQuietAndSaysWhereRelataRuns(@TempDir Path home) throws Exception {
        Path log = home.resolve("stdout.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "--server.port=0", "--relata.model.train-on-first-start=false",
                "--relata.model.device=auto")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("RELATA_HOME", home.resolve("data").toString());
        builder.environment().put("OPT_OUT_TRACKING", "true");
        Process process = builder.start();
        try {
            Matcher ready = awaitReadyLine(log, process);
            int port = Integer.parseInt(ready.group(1));
            assertThat(ready.group(2)).startsWith("jdbc:h2:file:" + home.resolve("data")).doesNotContain("password");
            assertThat(ready.group(3)).isEqualTo(home.resolve("data").toString());

            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/actuator/health/readiness", "/actuator/health", "/actuator/health/liveness")) {
                for (int probe = 0; probe < 3; probe++) {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
                }
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(output).doesNotContain("Failed to detect GPU count").doesNotContain("CUDA driver version");
            assertThat(count(output, "newer than the version Flyway has been verified with")).isLessThanOrEqualTo(1);
            assertThat(count(output, "relata ready: ")).isEqualTo(1);
            // the one warning left: Flyway has not verified the H2 version relata ships, said once at the migration
            assertThat(output.lines().filter(line -> line.contains(" WARN ")))
                    .allSatisfy(line -> assertThat(line).contains("Flyway has been verified with"));
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static Matcher awaitReadyLine(Path log, Process process) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            Matcher ready = READY.matcher(output);
            if (ready.find()) {
                return ready;
            }
            assertThat(process.isAlive()).as("relata exited:\n" + output).isTrue();
            Thread.sleep(250);
        }
        throw new AssertionError("no start line within 3 minutes:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }
}
