package io.relata.deploycheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proof that {@link StrictParser} is strict: a valid Deployment must parse cleanly, and each of a set of single
 * mistakes the API server refuses (and Helm renders without complaint) must be reported.
 */
final class SelfTest {

    private static final String VALID = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: t
              labels:
                a: b
            spec:
              replicas: 1
              selector:
                matchLabels:
                  a: b
              template:
                metadata:
                  labels:
                    a: b
                spec:
                  automountServiceAccountToken: false
                  containers:
                    - name: c
                      image: x
                      ports:
                        - containerPort: 8080
                      env:
                        - name: E
                          value: "1"
                      resources:
                        limits:
                          memory: 1Gi
            """;

    /** Each mistake as (what, text to replace, replacement). */
    private static final Map<String, String[]> MISTAKES = new LinkedHashMap<>();

    static {
        MISTAKES.put("unknown field", new String[] {"image: x", "image: x\n          imagePullPolice: Always"});
        MISTAKES.put("misspelled field", new String[] {"replicas: 1", "replica: 1"});
        MISTAKES.put("string for an integer", new String[] {"containerPort: 8080", "containerPort: \"8080\""});
        MISTAKES.put("integer for a string", new String[] {"value: \"1\"", "value: 1"});
        MISTAKES.put("boolean for a string", new String[] {"value: \"1\"", "value: true"});
        MISTAKES.put("string for a boolean", new String[] {"automountServiceAccountToken: false", "automountServiceAccountToken: \"false\""});
        MISTAKES.put("duplicate key", new String[] {"  labels:\n    a: b\nspec", "  labels:\n    a: b\n    a: c\nspec"});
        MISTAKES.put("scalar for an object", new String[] {"limits:\n              memory: 1Gi", "limits: 1Gi"});
        MISTAKES.put("unknown apiVersion", new String[] {"apiVersion: apps/v1", "apiVersion: apps/v1beta1"});
    }

    static final int CASES = MISTAKES.size();

    private SelfTest() {}

    static List<String> run(StrictParser parser) {
        List<String> failures = new ArrayList<>();
        StrictParser.Result valid = parser.parse(VALID);
        if (!valid.problems().isEmpty() || valid.objects().size() != 1) {
            failures.add("the valid sample was not accepted: " + valid.problems());
        }
        MISTAKES.forEach((what, edit) -> {
            if (!VALID.contains(edit[0])) {
                failures.add(what + ": the sample has no '" + edit[0] + "' to change");
                return;
            }
            StrictParser.Result result = parser.parse(VALID.replace(edit[0], edit[1]));
            if (result.problems().isEmpty()) {
                failures.add(what + ": accepted");
            }
        });
        return failures;
    }
}
