package io.relata.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an English relation question into an entity mention and a relation phrase. Where a question splits more than
 * one way ("Conan O'Brien's wife's mother"), the split whose phrase the lexicon knows wins.
 */
public final class QuestionParser {

    private static final Pattern WHOSE = Pattern.compile("(?i)whose\\s+(.+?)\\s+(?:is|are|was|were)\\s+(.+)");
    private static final Pattern WH_PREFIX = Pattern.compile(
            "(?i)^(?:(?:who|what|which|whom)(?:\\s+(?:is|are|was|were)|'s|'re)|tell\\s+me|name|list)\\s+");
    private static final Pattern POSSESSIVE = Pattern.compile("(?:'s|s')\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern OF = Pattern.compile("\\s+of\\s+", Pattern.CASE_INSENSITIVE);
    /** Bounds the lexicon look-ups one question can cause, however long it is. */
    private static final int MAX_SPLITS_TRIED = 24;
    private static final int MAX_PHRASE_WORDS = 5;
    private static final Pattern LEADING_THE = Pattern.compile("(?i)^the\\s+");

    private QuestionParser() {}

    public static ParsedQuestion parse(String question, Predicate<String> knownPhrase) {
        String text = tidy(question);
        if (text.isEmpty()) {
            throw new QuestionNotUnderstoodException("the question has no words", null, null);
        }
        Matcher whose = WHOSE.matcher(text);
        if (whose.matches()) {
            return checked(new ParsedQuestion(whose.group(2).strip(), whose.group(1).strip(), true));
        }
        String rest = WH_PREFIX.matcher(text).replaceFirst("");
        List<ParsedQuestion> splits = new ArrayList<>();
        splits.addAll(possessiveSplits(rest));
        splits.addAll(ofSplits(rest));
        splits.addAll(phraseFirstSplits(rest));
        splits.addAll(phraseLastSplits(rest));
        splits.removeIf(s -> s.mention().isBlank() || s.phrase().isBlank());
        for (ParsedQuestion split : splits.subList(0, Math.min(splits.size(), MAX_SPLITS_TRIED))) {
            if (knownPhrase.test(split.phrase())) {
                return split;
            }
        }
        if (!splits.isEmpty() && (POSSESSIVE.matcher(rest).find() || OF.matcher(rest).find())) {
            ParsedQuestion first = splits.get(0);
            throw new QuestionNotUnderstoodException(
                    "unknown relation phrase '" + first.phrase() + "'", first.mention(), first.phrase());
        }
        throw new QuestionNotUnderstoodException(
                "no known question form: ask e.g. \"Who is X's mother?\", \"Who is the mother of X?\" or \"Whose mother is X?\"",
                null, null);
    }

    /** Straight quotes, single spaces, no trailing question mark or full stop. */
    private static String tidy(String question) {
        return question.replace('’', '\'').replace('‘', '\'')
                .replaceAll("\\s+", " ")
                .strip()
                .replaceAll("[\\s?!.]+$", "")
                .strip();
    }

    private static ParsedQuestion checked(ParsedQuestion parsed) {
        if (parsed.mention().isBlank() || parsed.phrase().isBlank()) {
            throw new QuestionNotUnderstoodException("the question names no entity or no relation", null, null);
        }
        return parsed;
    }

    /** "X's R", last possessive first: in "Conan O'Brien's wife" only "'s " marks a possessive. */
    private static List<ParsedQuestion> possessiveSplits(String text) {
        List<ParsedQuestion> splits = new ArrayList<>();
        Matcher m = POSSESSIVE.matcher(text);
        while (m.find()) {
            String mention = text.substring(0, m.start() + (text.charAt(m.start()) == '\'' ? 0 : 1));
            splits.add(0, new ParsedQuestion(mention, text.substring(m.end()), false));
        }
        return splits;
    }

    /** "the R of X", first "of" first: "mother of the Duke of York". */
    private static List<ParsedQuestion> ofSplits(String text) {
        List<ParsedQuestion> splits = new ArrayList<>();
        Matcher m = OF.matcher(text);
        while (m.find()) {
            String phrase = LEADING_THE.matcher(text.substring(0, m.start())).replaceFirst("");
            splits.add(new ParsedQuestion(text.substring(m.end()), phrase, false));
        }
        return splits;
    }

    /** "R X" for phrases such as "films directed by": every word boundary, longest phrase first. */
    private static List<ParsedQuestion> phraseFirstSplits(String text) {
        List<ParsedQuestion> splits = new ArrayList<>();
        List<Integer> spaces = spaces(text);
        for (int i = Math.min(spaces.size(), MAX_PHRASE_WORDS) - 1; i >= 0; i--) {
            int at = spaces.get(i);
            splits.add(new ParsedQuestion(text.substring(at + 1), text.substring(0, at), false));
        }
        return splits;
    }

    /** "X R" ("Tom Cruise mother"): every word boundary, longest phrase first. */
    private static List<ParsedQuestion> phraseLastSplits(String text) {
        List<ParsedQuestion> splits = new ArrayList<>();
        List<Integer> spaces = spaces(text);
        for (int i = Math.max(0, spaces.size() - MAX_PHRASE_WORDS); i < spaces.size(); i++) {
            int at = spaces.get(i);
            splits.add(new ParsedQuestion(text.substring(0, at), text.substring(at + 1), false));
        }
        return splits;
    }

    private static List<Integer> spaces(String text) {
        List<Integer> spaces = new ArrayList<>();
        for (int i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) {
            spaces.add(i);
        }
        return spaces;
    }
}
