package io.relata.imports.gedcom;

import io.relata.TextInput;
import io.relata.facts.Labels;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** How a GEDCOM personal name becomes a label, and the shorter forms people call its bearer by. */
final class GedcomNames {

    /** Control and format characters: the store refuses them, and in a name they are stray bytes. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");
    /** A regnal number up to XXXIX; no longer numeral is a monarch's, and D, L, M, C are more often initials. */
    private static final Pattern REGNAL_NUMBER = Pattern.compile("X{0,3}(?:IX|IV|V?I{0,3})");
    /** The words of a title (TITL) or name prefix (NPFX) that people put before a given name ("Queen Victoria"). */
    private static final List<String> STYLES = List.of("Grand Duchess", "Grand Duke", "Archduchess", "Archduke",
            "Baroness", "Baron", "Countess", "Count", "Dame", "Duchess", "Duke", "Earl", "Emperor", "Empress", "King",
            "Lady", "Lord", "Prince", "Princess", "Queen", "Sir", "Tsarevich", "Tsarevna", "Tsarina", "Tsar", "Czar");

    private GedcomNames() {}

    /**
     * A GEDCOM name as a label: the slashes around the surname removed, "_" read as a space (some programs join
     * a name's words with it), white space collapsed, NFC, invisible characters dropped, cut to the label length.
     * Empty when nothing is left.
     */
    static Optional<String> label(String name) {
        String cleaned = Labels.clean(INVISIBLE.matcher(name.replace('/', ' ').replace('_', ' ')).replaceAll(" "));
        return cleaned.isEmpty() ? Optional.empty() : Optional.of(cut(cleaned, TextInput.LABEL_LENGTH));
    }

    /** The label of a NAME structure: its value, else its GIVN and SURN pieces; empty when both say nothing. */
    static Optional<String> label(GedcomNode name) {
        return label(name.value()).or(() -> label(name.firstValue("GIVN") + " " + name.firstValue("SURN")));
    }

    /** The given names of a NAME structure: GIVN, else what its value has before the surname's slash. */
    static String givenNames(GedcomNode name) {
        String given = name.firstValue("GIVN");
        if (given.isBlank()) {
            int slash = name.value().indexOf('/');
            given = slash < 0 ? name.value() : name.value().substring(0, slash);
        }
        return label(given.replace(',', ' ')).orElse("");
    }

    /**
     * The name a monarch is counted by: the given names up to a regnal number among them ("Elizabeth II
     * Alexandra Mary" is "Elizabeth II"), or the first given name with a regnal number written as the suffix
     * ({@code NSFX}, or after the surname: "Henry /Tudor/ VIII"). Empty when the name holds no regnal number.
     */
    static Optional<String> regnalName(GedcomNode name) {
        List<String> given = words(givenNames(name));
        for (int i = 1; i < given.size(); i++) {
            if (isRegnalNumber(given.get(i))) {
                return Optional.of(String.join(" ", given.subList(0, i + 1)));
            }
        }
        String suffix = name.firstValue("NSFX");
        if (suffix.isBlank()) {
            int slash = name.value().lastIndexOf('/');
            suffix = slash < 0 || slash == name.value().indexOf('/') ? "" : name.value().substring(slash + 1);
        }
        String numeral = suffix.strip();
        if (!given.isEmpty() && isRegnalNumber(numeral)) {
            return Optional.of(given.get(0) + " " + numeral);
        }
        return Optional.empty();
    }

    private static boolean isRegnalNumber(String word) {
        return !word.isEmpty() && REGNAL_NUMBER.matcher(word).matches();
    }

    /**
     * The style a title or name prefix starts with, as written in {@link #STYLES} ("Queen of England" is "Queen",
     * "queen" too); empty for any other title ("Prof.", "Nobility title").
     */
    static Optional<String> style(String title) {
        String text = label(title).orElse("");
        for (String style : STYLES) {
            if (text.regionMatches(true, 0, style, 0, style.length())
                    && (text.length() == style.length() || !Character.isLetter(text.charAt(style.length())))) {
                return Optional.of(style);
            }
        }
        return Optional.empty();
    }

    /** Each comma-separated part of a value: GEDCOM lists several nicknames or prefixes that way. */
    static List<String> parts(String value) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split(",")) {
            label(part).ifPresent(parts::add);
        }
        return parts;
    }

    /** The text cut to at most {@code max} characters, at a boundary between user-perceived characters. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text);
        int end = characters.preceding(max + 1);
        return text.substring(0, end == BreakIterator.DONE ? 0 : end).strip();
    }

    private static List<String> words(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
    }
}
