package io.relata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged jar as a user runs it: {@code java -jar target/relata.jar --help} (and its other spellings) prints usage
 * and exits 0 at once, without starting Spring, a server or training, and without creating ./relata-data.
 */
class CommandLineJarIT {

    private static final Path JAR = Path.of("target", "relata.jar").toAbsolutePath();
    private static final Duration AT_MOST = Duration.ofSeconds(5);

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help", "help train", "evaluate --help", "serve --help"})
    void helpPrintsUsageAndStartsNothing(String arguments, @TempDir Path workingDirectory) throws Exception {
        Run run = run(arguments, workingDirectory);
        if (run.took().compareTo(AT_MOST) >= 0) {
            // a machine busy with other work can stretch one start; the second is the one that counts
            run = run(arguments, workingDirectory);
        }

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).startsWith("Usage: relata").doesNotContain("Spring").doesNotContain("Tomcat");
        assertThat(run.took()).as("time to print usage").isLessThan(AT_MOST);
        assertThat(contents(workingDirectory)).as("files created by " + arguments).isEmpty();
    }

    private record Run(int exitCode, String output, Duration took) {}

    private static Run run(String arguments, Path workingDirectory) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(arguments.split(" ")));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("RELATA_HOME");
        long started = System.nanoTime();
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        boolean ended = process.waitFor(30, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (!ended) {
            process.destroyForcibly();
            throw new AssertionError("still running after 30 s: " + new String(output, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8), took);
    }

    private static List<Path> contents(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
