package io.relata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One relata on a random port, shared by the full-stack tests that only read from it or add what they need (metrics,
 * the OpenAPI contract, the generated client): the demo families in a fresh embedded store, no first-start training.
 * Subclasses change nothing of this configuration, so Spring starts it once for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"relata.demo.enabled=true", "relata.model.train-on-first-start=false", "relata.model.device=auto"})
public abstract class RunningRelata {

    protected static final Path HOME = temporaryHome();

    @LocalServerPort
    protected int port;

    protected final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("relata.home", HOME::toString);
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path temporaryHome() {
        try {
            Path home = Files.createTempDirectory("relata-running-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> org.springframework.util.FileSystemUtils.deleteRecursively(home.toFile())));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
