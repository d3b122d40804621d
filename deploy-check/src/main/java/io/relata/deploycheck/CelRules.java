package io.relata.deploycheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.Program;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chart's policies, written in CEL (the language of Kubernetes' ValidatingAdmissionPolicy) in a rules file and
 * evaluated here on every render. A rule that names kinds runs once for each object of those kinds, which it sees as
 * {@code object} (and {@code podSpec}, the pod spec of a workload, or null); a rule without kinds runs once per
 * render. Every rule also sees the whole render as {@code objects}, so a rule may check references between objects.
 * A rule holds when its expression is true; an expression that cannot be evaluated counts as broken, never as passed.
 */
final class CelRules {

    /** One rule of the file. */
    record Rule(String name, List<String> kinds, String expression, String message, Program program) {}

    private final List<Rule> rules;

    private CelRules(List<Rule> rules) {
        this.rules = rules;
    }

    /** The CEL environment every rule and test expression compiles in. */
    static Cel environment() {
        return CelFactory.standardCelBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(CelExtensions.strings(), CelExtensions.optional(), CelExtensions.bindings())
                .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.optional())
                .addVar("object", SimpleType.DYN)
                .addVar("podSpec", SimpleType.DYN)
                .addVar("objects", ListType.create(SimpleType.DYN))
                .build();
    }

    static Program compile(Cel cel, String name, String expression) {
        try {
            return cel.createProgram(cel.compile(expression).getAst());
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalArgumentException("rule " + name + " does not compile: " + e.getMessage(), e);
        }
    }

    static CelRules load(Path file) throws IOException {
        JsonNode root = new YAMLMapper().readTree(file.toFile());
        Cel cel = environment();
        List<Rule> rules = new ArrayList<>();
        for (JsonNode r : root.path("rules")) {
            List<String> kinds = new ArrayList<>();
            r.path("kinds").forEach(k -> kinds.add(k.asText()));
            String name = r.path("name").asText();
            String expression = r.path("expression").asText();
            rules.add(new Rule(name, kinds, expression, r.path("message").asText(name), compile(cel, name, expression)));
        }
        return new CelRules(rules);
    }

    int size() {
        return rules.size();
    }

    /** The problems of one render (its documents as parsed YAML), one line each, naming the rule. */
    List<String> check(List<JsonNode> documents) {
        List<Object> objects = new ArrayList<>();
        documents.forEach(d -> objects.add(plain(d)));
        List<String> problems = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.kinds().isEmpty()) {
                Map<String, Object> vars = new LinkedHashMap<>();
                vars.put("object", NullValue.NULL_VALUE);
                vars.put("podSpec", NullValue.NULL_VALUE);
                vars.put("objects", objects);
                verdict(rule, vars).ifPresent(p -> problems.add(rule.name() + ": " + p));
                continue;
            }
            for (Object o : objects) {
                Map<?, ?> object = (Map<?, ?>) o;
                String kind = String.valueOf(object.get("kind"));
                if (rule.kinds().contains(kind)) {
                    Map<String, Object> vars = new LinkedHashMap<>();
                    vars.put("object", object);
                    vars.put("podSpec", podSpec(object));
                    vars.put("objects", objects);
                    verdict(rule, vars).ifPresent(p -> problems.add(rule.name() + ": " + kind + " " + name(object) + ": " + p));
                }
            }
        }
        return problems;
    }

    /** Empty when the rule holds; else what is wrong. */
    static Optional<String> verdict(Rule rule, Map<String, ?> vars) {
        try {
            Object result = rule.program().eval(vars);
            return Boolean.TRUE.equals(result) ? Optional.empty() : Optional.of(rule.message());
        } catch (CelEvaluationException e) {
            return Optional.of("cannot be evaluated (" + StrictParser.firstLine(e) + ")");
        }
    }

    /** The pod spec of a workload: a Deployment's template, a Pod's own, an InferenceService's predictor; else null. */
    private static Object podSpec(Map<?, ?> object) {
        Object spec = object.get("spec");
        if (!(spec instanceof Map<?, ?> s)) {
            return NullValue.NULL_VALUE;
        }
        Object found = switch (String.valueOf(object.get("kind"))) {
            case "Deployment" -> s.get("template") instanceof Map<?, ?> t ? t.get("spec") : null;
            case "Pod" -> s;
            case "InferenceService" -> s.get("predictor");
            default -> null;
        };
        return found == null ? NullValue.NULL_VALUE : found;
    }

    private static String name(Map<?, ?> object) {
        return object.get("metadata") instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : "?";
    }

    /**
     * A YAML document as the plain values CEL works with: maps, lists, strings, booleans, longs and doubles; null
     * entries are dropped, as the API server drops them.
     */
    static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    map.put(e.getKey(), plain(e.getValue()));
                }
            });
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(plain(n)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.isNull() ? NullValue.NULL_VALUE : node.asText();
    }
}
