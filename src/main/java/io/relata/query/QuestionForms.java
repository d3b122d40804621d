package io.relata.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an English question into its possible analyses: which words may name the entity, which the relation phrase,
 * whether the phrase is asked from its other end ("Whose mother is X?"), and, for a yes/no question, which words name
 * the candidate answer. It only reads word order; whether a span names an entity and whether a phrase is known is
 * decided afterwards, against the entity directory and the lexicon ({@link QuestionReader}).
 *
 * <p>Forms are templates over words: literal words (alternatives separated by {@code |}, optional ones in brackets),
 * {@code 's} for a possessive ("Cruise's", "James'"), and slots: {@code X} the entity, {@code Y} the candidate of a
 * yes/no question, {@code R} the relation phrase, {@code N} a noun phrase read again by the noun-phrase forms ("Tom
 * Cruise's mother", "the mother of Tom Cruise"). The lexicon adds forms of its own, declared with a phrase such as
 * "when was {X} born".
 */
public final class QuestionForms {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** Questions longer than this many words are not read (no real question is). */
    static final int MAX_WORDS = 64;
    /** Most analyses one question yields. */
    static final int MAX_ANALYSES = 96;
    private static final int MAX_PHRASE_WORDS = 6;
    private static final int MAX_NAME_WORDS = 16;

    private static final String BE = "is|are|was|were|'s";
    private static final String ARTICLE = "[the|a|an|one|all|any|every|some|each]";
    private static final String AS_ARTICLE = "[a|an|the|their|his|her|its|my|your|our]";

    /** How the words of a question relate to its entity, phrase and candidate. */
    public enum Shape {
        /** Asks the phrase from the entity: "Who is X's R?". */
        PLAIN,
        /** Asks the phrase from its other end: "Whose R is X?". */
        TURNED,
        /** Asks whether the candidate is the entity's R: "Is Y X's R?". */
        YES_NO
    }

    /**
     * One way to read a question.
     *
     * @param form the name of the form it was read by
     * @param mention the words that may name the entity
     * @param phrase the words that may be the relation phrase (for a lexicon form, the form itself)
     * @param shape plain, turned or yes/no
     * @param candidate for a yes/no question, the words that may name the candidate answer
     */
    public record Analysis(String form, String mention, String phrase, Shape shape, String candidate) {}

    private record Form(String name, Shape shape, List<String> elements) {}

    private static final List<Form> NOUN_PHRASES = List.of(
            form("X's R", Shape.PLAIN, "X 's R"),
            form("the R of X", Shape.PLAIN, ARTICLE + " R of X"),
            form("X R", Shape.PLAIN, "X R"),
            form("R X", Shape.PLAIN, "R X"));

    private static final List<Form> QUESTIONS = List.of(
            form("is Y X's R", Shape.YES_NO, BE + " Y X 's R"),
            form("is Y the R of X", Shape.YES_NO, BE + " Y " + ARTICLE + " R of|to X"),
            form("does X have Y as R", Shape.YES_NO, "do|does|did X have|has|had Y as " + AS_ARTICLE + " R"),
            form("whose R is X", Shape.TURNED, "whose R " + BE + " X"),
            form("whose R X is", Shape.TURNED, "whose R X " + BE),
            form("X is the R of whom", Shape.TURNED, "X " + BE + " " + ARTICLE + " R of|to|for whom|who"),
            form("of whom is X the R", Shape.TURNED, "of|to whom|who " + BE + " X " + ARTICLE + " R"),
            form("who is X the R of", Shape.TURNED, "who|whom " + BE + " X " + ARTICLE + " R of|to|for"),
            form("who has X as R", Shape.TURNED, "who|whom|which has|had|have X as " + AS_ARTICLE + " R"),
            form("X is whose R", Shape.TURNED, "X " + BE + " whose R"),
            form("what is the name of N", Shape.PLAIN, "what|which " + BE + " the name|names of N"),
            form("which Rs did X have", Shape.PLAIN, "which|what R did|does|do X have|has|had"),
            form("how many Rs did X have", Shape.PLAIN, "how many R did|does|do X have|has|had"),
            form("name the R of X", Shape.PLAIN, "name|list|give|show|find|tell [me|us] [the] [name|names] [of] " + ARTICLE + " N"),
            form("who is N", Shape.PLAIN, "who|what|which|whom " + BE + " " + ARTICLE + " N"),
            form("who X's R is", Shape.PLAIN, "who|what|whom X 's R " + BE),
            form("who the R of X is", Shape.PLAIN, "who|what|whom " + ARTICLE + " R of X " + BE),
            form("the name of N", Shape.PLAIN, "[the] name|names of N"),
            form("who R X", Shape.PLAIN, "who|what|which R X"),
            form("who did X R", Shape.TURNED, "who|whom|what did|does|do X R"));

    /** Leading words that ask politely and change nothing. */
    private static final List<List<String>> LEAD_INS = List.of(
            List.of("can", "you", "tell", "me"), List.of("could", "you", "tell", "me"), List.of("would", "you", "tell", "me"),
            List.of("do", "you", "know"), List.of("tell", "me"), List.of("i", "want", "to", "know"),
            List.of("i'd", "like", "to", "know"), List.of("i", "wonder"), List.of("please"), List.of("hey"), List.of("so"),
            List.of("and"), List.of("now"));

    private QuestionForms() {}

    private static Form form(String name, Shape shape, String template) {
        return new Form(name, shape, List.of(SPACES.split(template.strip())));
    }

    /** A lexicon phrase that is a question form of its own ("when was {X} born"). */
    public static boolean isTemplate(String phrase) {
        return phrase.toLowerCase(Locale.ROOT).contains("{x}");
    }

    /**
     * Every analysis of the question, most specific forms first: the built-in forms, then the lexicon's own forms
     * ({@code templates}, phrases containing {X}; such an analysis has the template as its phrase).
     */
    public static List<Analysis> read(String question, List<String> templates) {
        List<String> words = words(question);
        if (words.isEmpty()) {
            throw new QuestionNotUnderstoodException("the question has no words", null, null);
        }
        if (words.size() > MAX_WORDS) {
            throw new QuestionNotUnderstoodException("the question has more than " + MAX_WORDS + " words", null, null);
        }
        words = withoutLeadIns(words);
        if (words.isEmpty()) {
            throw new QuestionNotUnderstoodException("the question has no words but polite ones", null, null);
        }
        Set<Analysis> analyses = new LinkedHashSet<>();
        for (String template : templates) {
            for (List<String> elements : templateVariants(template)) {
                for (Bindings b : match(elements, words)) {
                    if (b.x() != null && analyses.size() < MAX_ANALYSES) {
                        analyses.add(new Analysis("lexicon form", b.x(), template, Shape.PLAIN, null));
                    }
                }
            }
        }
        for (Form form : QUESTIONS) {
            addAll(analyses, form, words);
        }
        if (!QUESTION_WORDS.contains(words.get(0).toLowerCase(Locale.ROOT))) {
            for (Form form : NOUN_PHRASES) {
                addAll(analyses, form, words);
            }
        }
        return List.copyOf(analyses);
    }

    private static void addAll(Set<Analysis> analyses, Form form, List<String> words) {
        for (Bindings b : match(form.elements(), words)) {
            if (analyses.size() >= MAX_ANALYSES) {
                return;
            }
            if (b.n() != null) {
                for (Form np : NOUN_PHRASES) {
                    for (Bindings inner : match(np.elements(), b.n())) {
                        if (analyses.size() < MAX_ANALYSES) {
                            analyses.add(new Analysis(form.name() + " / " + np.name(), inner.x(), inner.r(), form.shape(), null));
                        }
                    }
                }
            } else {
                analyses.add(new Analysis(form.name(), b.x(), b.r(), form.shape(), b.y()));
            }
        }
    }

    /** What a template's slots were bound to; the noun-phrase slot keeps its words to be read again. */
    private record Bindings(String x, String y, String r, List<String> n) {}

    /** Every way the words fill the template, the slots bounded in length. */
    private static List<Bindings> match(List<String> elements, List<String> words) {
        List<Bindings> found = new ArrayList<>();
        match(elements, 0, words, 0, new String[3], null, found);
        return found;
    }

    private static void match(List<String> elements, int e, List<String> words, int w, String[] slots, List<String> n,
            List<Bindings> found) {
        if (found.size() >= MAX_ANALYSES) {
            return;
        }
        if (e == elements.size()) {
            if (w == words.size()) {
                found.add(new Bindings(slots[0], slots[1], slots[2], n));
            }
            return;
        }
        String element = elements.get(e);
        switch (element) {
            case "X", "Y", "R" -> {
                int slot = element.equals("X") ? 0 : element.equals("Y") ? 1 : 2;
                int most = Math.min(words.size() - w, element.equals("R") ? MAX_PHRASE_WORDS : MAX_NAME_WORDS);
                for (int length = 1; length <= most; length++) {
                    List<String> span = words.subList(w, w + length);
                    if (element.equals("R") ? !phraseLike(span) : !nameLike(span)) {
                        continue;
                    }
                    String[] next = slots.clone();
                    next[slot] = join(span);
                    match(elements, e + 1, words, w + length, next, n, found);
                }
            }
            case "N" -> {
                if (e == elements.size() - 1 && w < words.size()) {
                    match(elements, e + 1, words, words.size(), slots, words.subList(w, words.size()), found);
                }
            }
            default -> {
                if (element.startsWith("=")) {
                    if (w < words.size() && words.get(w).equalsIgnoreCase(element.substring(1))) {
                        match(elements, e + 1, words, w + 1, slots, n, found);
                    }
                    return;
                }
                boolean optional = element.startsWith("[");
                String choices = optional ? element.substring(1, element.length() - 1) : element;
                if (w < words.size() && matchesWord(choices, words.get(w))) {
                    match(elements, e + 1, words, w + 1, slots, n, found);
                }
                if (optional) {
                    match(elements, e + 1, words, w, slots, n, found);
                }
            }
        }
    }

    private static boolean matchesWord(String choices, String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (String choice : choices.split("\\|")) {
            if (choice.equals("'s") ? lower.equals("'s") || lower.equals("'") : choice.equals(lower)) {
                return true;
            }
        }
        return false;
    }

    /** Words a relation phrase never holds: possessive marks, question words, articles and forms of "to be". */
    private static final Set<String> NOT_IN_PHRASES = Set.of("'s", "'", "who", "whom", "whose", "what", "which", "the", "a",
            "an", "is", "are", "was", "were");

    /** Words that open a question: a text that starts with one is read by the question forms only. */
    private static final Set<String> QUESTION_WORDS = Set.of("who", "whom", "whose", "what", "which", "when", "where", "why",
            "how", "is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "can", "could", "would", "will");

    private static boolean phraseLike(List<String> span) {
        for (String word : span) {
            if (NOT_IN_PHRASES.contains(word.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** A name neither starts nor ends with a possessive mark. */
    private static boolean nameLike(List<String> span) {
        String first = span.get(0);
        String last = span.get(span.size() - 1);
        return !first.equals("'s") && !first.equals("'") && !last.equals("'s") && !last.equals("'");
    }

    /**
     * The template's words, its {X} the entity slot, every other word a literal (marked "=", never a slot or option;
     * "is" also reads as the contraction "'s", "who's"); and, for a form that asks "wh-word be {X} ...", the same asked
     * indirectly ("do you know when {X} was born" → "when {X} was born").
     */
    private static List<List<String>> templateVariants(String template) {
        List<String> elements = new ArrayList<>();
        for (String word : words(template)) {
            String lower = word.toLowerCase(Locale.ROOT);
            elements.add(lower.equals("{x}") ? "X" : lower.equals("is") ? "is|'s" : "=" + lower);
        }
        List<List<String>> variants = new ArrayList<>(List.of(elements));
        if (elements.size() > 3 && elements.get(2).equals("X") && List.of("is|'s", "=was", "=are", "=were").contains(elements.get(1))) {
            List<String> indirect = new ArrayList<>(elements);
            indirect.set(1, "X");
            indirect.set(2, elements.get(1));
            variants.add(indirect);
        }
        return variants;
    }

    /**
     * The question as words: curly quotes as straight ones, trailing punctuation and a trailing "please" gone, and a
     * possessive split from its word ("Cruise's" → "Cruise", "'s"; "James'" → "James", "'").
     */
    static List<String> words(String question) {
        String text = question.replace('’', '\'').replace('‘', '\'').strip();
        text = text.replaceAll("[\\s?!.]+$", "").strip();
        text = text.replaceAll("(?i)[,\\s]+please$", "").strip();
        List<String> words = new ArrayList<>();
        if (text.isEmpty()) {
            return words;
        }
        for (String word : SPACES.split(text)) {
            if (word.length() > 2 && word.regionMatches(true, word.length() - 2, "'s", 0, 2)) {
                words.add(word.substring(0, word.length() - 2));
                words.add("'s");
            } else if (word.length() > 2 && word.endsWith("s'")) {
                words.add(word.substring(0, word.length() - 1));
                words.add("'");
            } else if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static List<String> withoutLeadIns(List<String> words) {
        List<String> rest = words;
        boolean stripped = true;
        while (stripped && !rest.isEmpty()) {
            stripped = false;
            for (List<String> leadIn : LEAD_INS) {
                if (rest.size() > leadIn.size() && startsWith(rest, leadIn)) {
                    rest = rest.subList(leadIn.size(), rest.size());
                    if (!rest.isEmpty() && rest.get(0).equals(",")) {
                        rest = rest.subList(1, rest.size());
                    }
                    stripped = true;
                    break;
                }
            }
        }
        return rest;
    }

    private static boolean startsWith(List<String> words, List<String> prefix) {
        for (int i = 0; i < prefix.size(); i++) {
            if (!words.get(i).replaceAll(",$", "").equalsIgnoreCase(prefix.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Words back into text: a possessive mark joins the word before it. */
    static String join(List<String> words) {
        StringBuilder text = new StringBuilder();
        for (String word : words) {
            if (!text.isEmpty() && !word.equals("'s") && !word.equals("'")) {
                text.append(' ');
            }
            text.append(word);
        }
        return text.toString();
    }
}
