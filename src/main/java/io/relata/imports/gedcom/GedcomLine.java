package io.relata.imports.gedcom;

import java.util.Locale;

/** One physical GEDCOM line, {@code level [@xref@] tag [value]}, or why it is not one. */
sealed interface GedcomLine {

    /** GEDCOM levels have at most two digits; more is a stray line of text, not a level. */
    int MAX_LEVEL_DIGITS = 2;

    long number();

    /** The line's level, or -1 when it has none. */
    int level();

    /** A line in GEDCOM form; {@code xref} without its {@code @}s or null, {@code value} "" when there is none. */
    record Tagged(long number, int level, String xref, String tag, String value) implements GedcomLine {}

    /** A line not in GEDCOM form, with its level when it has one, and what is wrong with it. */
    record Malformed(long number, int level, String problem) implements GedcomLine {}

    /**
     * Parses a line's text. White space before the level and between the parts is tolerated; the value is what
     * follows the one delimiter after the tag, spaces kept, since CONC joins values with no separator of its own.
     */
    static GedcomLine parse(long number, String text) {
        int length = text.length();
        int at = skipSpaces(text, 0);
        int levelStart = at;
        while (at < length && isAsciiDigit(text.charAt(at))) {
            at++;
        }
        if (at == levelStart) {
            return new Malformed(number, -1, "line " + number + " has no level number");
        }
        if (at - levelStart > MAX_LEVEL_DIGITS) {
            return new Malformed(number, -1, "line " + number + " has no level number of at most "
                    + MAX_LEVEL_DIGITS + " digits");
        }
        int level = Integer.parseInt(text, levelStart, at, 10);
        if (at < length && !isSpace(text.charAt(at))) {
            return new Malformed(number, level, "line " + number + " has no space after its level number");
        }
        at = skipSpaces(text, at);
        String xref = null;
        if (at < length && text.charAt(at) == '@') {
            int close = text.indexOf('@', at + 1);
            if (close < 0) {
                return new Malformed(number, level, "line " + number + " has a cross-reference with no closing @");
            }
            xref = text.substring(at + 1, close);
            at = skipSpaces(text, close + 1);
        }
        int tagStart = at;
        while (at < length && !isSpace(text.charAt(at))) {
            at++;
        }
        if (at == tagStart) {
            return new Malformed(number, level, "line " + number + " has no tag");
        }
        String tag = text.substring(tagStart, at).toUpperCase(Locale.ROOT);
        String value = at < length ? text.substring(at + 1) : "";
        return new Tagged(number, level, xref, tag, value);
    }

    private static int skipSpaces(String text, int at) {
        while (at < text.length() && (isSpace(text.charAt(at)) || text.charAt(at) == '\uFEFF')) {
            at++;
        }
        return at;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
