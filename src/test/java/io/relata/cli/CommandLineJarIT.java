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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(arguments.split(" ")));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("RELATA_HOME");
        long started = System.nanoTime();
        Process process = builder.start();
        boolean ended = process.waitFor(30, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ended).as("ended: " + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).startsWith("Usage: relata").doesNotContain("Spring").doesNotContain("Tomcat");
        assertThat(took).as("time to print usage").isLessThan(AT_MOST);
        assertThat(contents(workingDirectory)).as("files created by " + arguments).isEmpty();
    }

    private static List<Path> contents(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
