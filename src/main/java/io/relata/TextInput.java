package io.relata;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The one check every text a client sends goes through: Unicode NFC, a length limit, and no character that is invisible,
 * invalid or a line break, so that two labels that look the same are the same and nothing can forge a log line. A
 * refusal is an {@link InvalidInputException} that names the field. The limits are the column sizes of
 * db/migration, one constant each.
 */
public final class TextInput {

    /** entity.label, entity_alias.alias, relation.name, fact.relation, phrase_reading.filter_attribute/filter_value. */
    public static final int LABEL_LENGTH = 500;
    /** entity.entity_key: an IRI, SOURCE:XREF, or a plain entity's label. */
    public static final int KEY_LENGTH = 1000;
    /** relation.description, entity.description. */
    public static final int DESCRIPTION_LENGTH = 1000;
    /** phrase_reading.phrase. */
    public static final int PHRASE_LENGTH = 200;
    /** fact.source. */
    public static final int SOURCE_LENGTH = 200;
    /** phrase_reading.path, a reading's steps as stored. */
    public static final int PATH_LENGTH = 2000;

    private TextInput() {}

    /**
     * The value in NFC without surrounding white space, or a 400 naming {@code field}: missing, blank, longer than
     * {@code maxLength} characters (counted after normalising), or holding a character that is refused.
     */
    public static String check(String field, String value, int maxLength) {
        if (value == null) {
            throw new InvalidInputException(field + " is missing");
        }
        String text = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(field + " is blank");
        }
        problem(text).ifPresent(problem -> {
            throw new InvalidInputException(field + " " + problem);
        });
        if (text.length() > maxLength) {
            throw new InvalidInputException(field + " is longer than " + maxLength + " characters");
        }
        return text;
    }

    /** The text cut to at most {@code maxLength} characters, never between the two halves of a surrogate pair. */
    public static String cut(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return text.substring(0, end);
    }

    /** Like {@link #check} for an optional value: null stays null. */
    public static String checkOptional(String field, String value, int maxLength) {
        return value == null ? null : check(field, value, maxLength);
    }

    /**
     * What is wrong with the characters of a text, in words that follow the field's name ("contains …"), or empty when
     * every character may be stored. Refused: control characters (a tab or a line break too), format characters
     * (zero-width space and joiners, byte order mark, bidirectional overrides), private-use, unassigned and unpaired
     * surrogate code points, line and paragraph separators, the invisible fillers and the variation selectors and
     * joiners that draw nothing; and a text with no visible character, only white space and combining marks.
     */
    public static Optional<String> problem(String text) {
        boolean visible = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String refused = refusal(cp);
            if (refused != null) {
                return Optional.of("contains " + refused + " " + codePoint(cp) + " at character " + (i + 1));
            }
            visible |= !isBlankOrMark(cp);
            i += Character.charCount(cp);
        }
        return visible ? Optional.empty() : Optional.of("has no visible character");
    }

    private static String refusal(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL -> "a control character";
            case Character.FORMAT -> "an invisible format character";
            case Character.PRIVATE_USE -> "a private-use character";
            case Character.UNASSIGNED -> "an unassigned code point";
            case Character.SURROGATE -> "an unpaired surrogate";
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "a line break";
            default -> isFiller(cp) ? "an invisible filler character"
                    : isInvisibleMark(cp) ? "an invisible variation selector or joiner" : null;
        };
    }

    /**
     * Marks that draw nothing of their own and only choose a glyph or hold two letters apart: the variation selectors
     * (U+FE00–U+FE0F, U+E0100–U+E01EF), the combining grapheme joiner U+034F, the Khmer inherent vowels U+17B4 and
     * U+17B5 and the Mongolian free variation selectors. "Tom Cruise" followed by one of them looks like "Tom Cruise"
     * and would be another entity.
     */
    private static boolean isInvisibleMark(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x034F || cp == 0x17B4
                || cp == 0x17B5 || (cp >= 0x180B && cp <= 0x180D) || cp == 0x180F;
    }

    /** Letters and symbols that draw nothing: the Hangul fillers and the blank Braille pattern. */
    private static boolean isFiller(int cp) {
        return cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800;
    }

    private static boolean isBlankOrMark(int cp) {
        return switch (Character.getType(cp)) {
            case Character.SPACE_SEPARATOR, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK -> true;
            default -> Character.isWhitespace(cp);
        };
    }

    private static String codePoint(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }
}
