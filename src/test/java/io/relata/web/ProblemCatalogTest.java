package io.relata.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The problem types the OpenAPI description documents are those of docs/problems.md, with the same status. */
class ProblemCatalogTest {

    /** Types answered outside any /v1 operation (no such path or method, a request line Tomcat refuses). */
    private static final List<String> OUTSIDE_OPERATIONS = List.of("not-found", "method-not-allowed",
            "http-version-not-supported");

    @Test
    void theCatalogAndDocsProblemsMdAgree() throws Exception {
        String docs = Files.readString(Path.of("docs", "problems.md"), StandardCharsets.UTF_8);
        Map<String, Integer> documented = new HashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z-]+)` \\| (\\d{3}) \\|").matcher(docs);
        while (row.find()) {
            documented.put(row.group(1), Integer.parseInt(row.group(2)));
        }
        OUTSIDE_OPERATIONS.forEach(documented::remove);

        Map<String, Integer> catalog = new HashMap<>();
        ProblemCatalog.TYPES.forEach(type -> catalog.put(type.name(), type.status()));
        assertThat(catalog).isEqualTo(documented);
    }

    @Test
    void everyTypeAnOperationNamesIsInTheCatalog() {
        ProblemCatalog.EVERY_OPERATION.forEach(ProblemCatalog::type);
        ProblemCatalog.BY_OPERATION.values().forEach(names -> names.forEach(ProblemCatalog::type));
        assertThat(ProblemCatalog.TYPES).extracting(ProblemCatalog.Type::examplePath).allMatch(path -> path.startsWith("/v1/"));
    }
}
