package io.relata.ops;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough PromQL to list the metric names an expression selects, and the expressions of a PrometheusRule template. */
final class PromQl {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern LABEL_BLOCK = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Pattern TEMPLATE_ACTION = Pattern.compile("\\{\\{.*?}}", Pattern.DOTALL);
    private static final Pattern EXPR = Pattern.compile("^(\\s*)expr:\\s*(.*)$");

    private PromQl() {}

    /** The metric names an expression reads: identifiers that are neither functions, keywords, labels nor numbers. */
    static Set<String> metricNames(String expression) {
        String text = STRING.matcher(expression).replaceAll("\"\"");
        text = LABEL_BLOCK.matcher(text).replaceAll(" ");
        text = RANGE.matcher(text).replaceAll(" ");
        text = GROUPING.matcher(text).replaceAll(" ");
        Set<String> names = new LinkedHashSet<>();
        Matcher identifier = IDENTIFIER.matcher(text);
        while (identifier.find()) {
            String name = identifier.group();
            String rest = text.substring(identifier.end()).stripLeading();
            boolean function = rest.startsWith("(");
            boolean partOfNumber = identifier.start() > 0 && Character.isDigit(text.charAt(identifier.start() - 1));
            if (!function && !partOfNumber && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The {@code expr:} values of a Helm template of a PrometheusRule, with the template's actions taken out: block
     * scalars ({@code expr: |} and the lines indented below it) and single-line values.
     */
    static List<String> expressionsOfRuleTemplate(String template) {
        List<String> expressions = new ArrayList<>();
        String[] lines = template.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher expr = EXPR.matcher(lines[i]);
            if (!expr.matches()) {
                continue;
            }
            String value = expr.group(2).strip();
            if (value.startsWith("|") || value.startsWith(">")) {
                int indent = expr.group(1).length();
                StringBuilder block = new StringBuilder();
                while (i + 1 < lines.length && (lines[i + 1].isBlank() || indentOf(lines[i + 1]) > indent)) {
                    block.append(lines[++i].strip()).append('\n');
                }
                value = block.toString();
            } else if (value.length() > 1 && (value.startsWith("\"") || value.startsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            expressions.add(TEMPLATE_ACTION.matcher(value).replaceAll(""));
        }
        return expressions;
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
