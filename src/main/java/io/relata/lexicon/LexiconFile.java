package io.relata.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/**
 * Reads a lexicon written as text (see lexicon/english-family.txt for the notation): relations, phrases with their
 * readings (a phrase holding {X} is a question form of its own), and derivations of relations from other facts.
 */
record LexiconFile(List<RelationInfo> relations, Map<String, List<Reading>> phrases, Map<String, List<List<Step>>> derivations) {

    private static final Pattern RELATION = Pattern.compile("relation\\s+(\\S+)(\\s+symmetric)?\\s*:\\s*(.*)");
    private static final Pattern DERIVATION = Pattern.compile("derive\\s+(\\S+)\\s*=\\s*(.+)");
    private static final Pattern STEP = Pattern.compile("(\\S+?)([<>~])");
    private static final Pattern FILTER = Pattern.compile("\\[\\s*([^=\\]]+?)\\s*=\\s*([^\\]]+?)\\s*]");

    /** The built-in English lexicon that ships in the jar. */
    static final String BUILTIN = "lexicon/english-family.txt";

    /** Reads the built-in lexicon. */
    static LexiconFile builtin() {
        try (InputStream in = new ClassPathResource(BUILTIN).getInputStream()) {
            return read(in, LexiconStore.BUILTIN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LexiconFile read(InputStream in, String origin) {
        List<RelationInfo> relations = new ArrayList<>();
        Map<String, List<Reading>> phrases = new LinkedHashMap<>();
        Map<String, List<List<Step>>> derivations = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                Matcher relation = RELATION.matcher(line);
                if (relation.matches()) {
                    relations.add(new RelationInfo(relation.group(1), relation.group(2) != null, relation.group(3), origin));
                    continue;
                }
                Matcher derivation = DERIVATION.matcher(line);
                if (derivation.matches()) {
                    List<List<Step>> paths = new ArrayList<>();
                    for (String path : derivation.group(2).split("\\|")) {
                        Reading reading = parseReading(path.strip(), number);
                        if (reading.filter().isPresent()) {
                            throw new IllegalArgumentException("lexicon line " + number + ": a derivation takes no filter");
                        }
                        paths.add(reading.path());
                    }
                    derivations.put(derivation.group(1), paths);
                    continue;
                }
                int equals = line.indexOf('=');
                if (equals < 0) {
                    throw new IllegalArgumentException("lexicon line " + number + ": expected 'phrases = readings'");
                }
                List<Reading> readings = new ArrayList<>();
                for (String reading : line.substring(equals + 1).split("\\|")) {
                    readings.add(parseReading(reading.strip(), number));
                }
                for (String phrase : line.substring(0, equals).split(",")) {
                    phrases.put(Phrases.normalize(phrase), readings);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LexiconFile(relations, phrases, derivations);
    }

    private static Reading parseReading(String text, int number) {
        Optional<AnswerFilter> filter = Optional.empty();
        Matcher f = FILTER.matcher(text);
        if (f.find()) {
            filter = Optional.of(AnswerFilter.onAnswer(f.group(1), f.group(2)));
            text = text.substring(0, f.start()).strip();
        }
        List<Step> path = new ArrayList<>();
        for (String token : text.split("\\s+")) {
            Matcher s = STEP.matcher(token);
            if (!s.matches()) {
                throw new IllegalArgumentException("lexicon line " + number + ": bad step '" + token + "'");
            }
            Direction direction = switch (s.group(2)) {
                case ">" -> Direction.FORWARD;
                case "<" -> Direction.INVERSE;
                default -> Direction.SYMMETRIC;
            };
            path.add(new Step(s.group(1), direction));
        }
        return new Reading(path, filter);
    }
}
