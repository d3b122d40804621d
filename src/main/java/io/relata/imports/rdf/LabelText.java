package io.relata.imports.rdf;

import io.relata.TextInput;
import io.relata.facts.Labels;

/** Texts of a source cleaned as the store keeps them, cheaply for the plain ASCII most of them are. */
final class LabelText {

    private LabelText() {}

    /** {@link Labels#clean}, without its regular expressions when the text has nothing to trim, collapse or compose. */
    static String clean(String text) {
        return isClean(text) ? text : Labels.clean(text);
    }

    private static boolean isClean(String text) {
        if (text.isEmpty()) {
            return true;
        }
        if (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ') {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c >= 0x7f || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** A text cut to what a label column holds, not inside a surrogate pair. */
    static String cut(String text) {
        return cut(text, TextInput.LABEL_LENGTH);
    }

    static String cut(String text, int maxLength) {
        return text.length() <= maxLength ? text : TextInput.cut(text, maxLength).strip();
    }
}
