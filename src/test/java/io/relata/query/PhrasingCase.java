package io.relata.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One question of the phrasing benchmark (src/test/resources/phrasings/*.tsv) and what a right response to it is.
 *
 * @param question the question in words, or a JSON body for the structured form of POST /v1/queries when it starts with "{"
 * @param direction the response's expected direction, or null when not judged
 * @param first the acceptable first answers (labels as stored); for a yes/no question the one expected verdict
 * @param evidence the expected evidence of the first answer (of the verdict for a yes/no question), or null when not judged
 */
record PhrasingCase(String id, String question, Expect expect, String direction, Set<String> first, String evidence, String form) {

    /** What a right response does. */
    enum Expect {
        /** A first answer at confidence ≥ 0.5 that is one of {@code first}. */
        ANSWER,
        /** A verification whose verdict is {@code first} at confidence ≥ 0.5. */
        VERIFY,
        /** No answer at confidence ≥ 0.5: an empty answer list, or 404/422. */
        NONE
    }

    static final List<String> COLUMNS = List.of("id", "question", "expect", "direction", "first", "evidence", "form");
    private static final Set<String> DIRECTIONS = Set.of("forward", "inverse", "symmetric", "mixed");
    private static final Set<String> EVIDENCE = Set.of("stated", "derived", "inferred");

    PhrasingCase {
        first = Collections.unmodifiableSortedSet(new TreeSet<>(first));
    }

    boolean structured() {
        return question.startsWith("{");
    }

    /** The verdict a yes/no question expects. */
    boolean holds() {
        return first.contains("true");
    }

    /** Reads a benchmark file from the test classpath: one header line, '#' comment lines, tab-separated columns. */
    static List<PhrasingCase> read(String resource) {
        InputStream in = PhrasingCase.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no resource " + resource);
        }
        List<PhrasingCase> cases = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> columns = Arrays.asList(line.split("\t", -1));
                if (header) {
                    if (!columns.equals(COLUMNS)) {
                        throw new IllegalArgumentException(resource + ":" + number + ": header must be " + COLUMNS);
                    }
                    header = false;
                    continue;
                }
                cases.add(parse(columns, resource + ":" + number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static PhrasingCase parse(List<String> columns, String where) {
        if (columns.size() != COLUMNS.size()) {
            throw new IllegalArgumentException(where + ": " + COLUMNS.size() + " columns expected, found " + columns.size());
        }
        String id = columns.get(0).strip();
        String question = columns.get(1).strip();
        Expect expect;
        try {
            expect = Expect.valueOf(columns.get(2).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": expect must be answer, verify or none; was '" + columns.get(2) + "'");
        }
        String direction = judged(columns.get(3), DIRECTIONS, "direction", where);
        Set<String> first = new LinkedHashSet<>();
        for (String label : columns.get(4).split("\\|")) {
            if (!label.isBlank() && !label.strip().equals("-")) {
                first.add(label.strip());
            }
        }
        String evidence = judged(columns.get(5), EVIDENCE, "evidence", where);
        String form = columns.get(6).strip();
        if (id.isEmpty() || question.isEmpty() || form.isEmpty()) {
            throw new IllegalArgumentException(where + ": id, question and form must not be empty");
        }
        switch (expect) {
            case ANSWER -> {
                if (first.isEmpty()) {
                    throw new IllegalArgumentException(where + ": an answer question lists its acceptable first answers");
                }
            }
            case VERIFY -> {
                if (!first.equals(Set.of("true")) && !first.equals(Set.of("false"))) {
                    throw new IllegalArgumentException(where + ": a yes/no question expects true or false");
                }
            }
            case NONE -> {
                if (!first.isEmpty() || direction != null || evidence != null) {
                    throw new IllegalArgumentException(where + ": a question without an answer has '-' for direction, first, evidence");
                }
            }
        }
        return new PhrasingCase(id, question, expect, direction, first, evidence, form);
    }

    private static String judged(String value, Set<String> allowed, String column, String where) {
        String v = value.strip();
        if (v.equals("-")) {
            return null;
        }
        if (!allowed.contains(v)) {
            throw new IllegalArgumentException(where + ": " + column + " must be one of " + allowed + " or '-'; was '" + v + "'");
        }
        return v;
    }
}
