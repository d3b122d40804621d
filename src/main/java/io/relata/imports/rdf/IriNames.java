package io.relata.imports.rdf;

import io.relata.TextInput;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The words an IRI's local name reads as: an entity's label ("Victoria, Princess Royal"), a relation ("birth place"). */
final class IriNames {

    private IriNames() {}

    /** What follows the last {@code #}, else the last {@code /}, else the last {@code :}; empty when the IRI ends there. */
    static String localName(String iri) {
        int cut = iri.lastIndexOf('#');
        if (cut < 0) {
            cut = iri.lastIndexOf('/');
        }
        if (cut < 0) {
            cut = iri.lastIndexOf(':');
        }
        return iri.substring(cut + 1);
    }

    /**
     * The label of an entity known only by its IRI: the local name percent-decoded as UTF-8, with {@code _} read as a
     * space ({@code Victoria,_Princess_Royal} → "Victoria, Princess Royal"); the whole IRI when the local name is empty.
     */
    static String label(String iri) {
        String local = localName(iri);
        if (local.isEmpty()) {
            return LabelText.cut(iri);
        }
        if (isPlain(local)) {
            // The common case (Q9682, i0, Elizabeth) needs no decoding nor cleaning: keep it off the slow path.
            return LabelText.cut(local);
        }
        String words = LabelText.clean(decode(local).replace('_', ' '));
        if (words.isEmpty() || TextInput.problem(words).isPresent()) {
            // %0A or %E2%80%8B decode to what no label may hold; the encoded form still names the entity.
            words = LabelText.clean(local.replace('_', ' '));
        }
        return LabelText.cut(words.isEmpty() ? iri : words);
    }

    /**
     * The relation a predicate's local name reads as: camelCase split into lower-case words, {@code _} and {@code -} as
     * spaces ({@code birthPlace} → "birth place", {@code isMotherOf} → "is mother of"). A word that is not written as
     * a word (an acronym like URL, an identifier like P27) keeps its case.
     */
    static String relation(String iri) {
        String local = decode(localName(iri));
        StringBuilder words = new StringBuilder(local.length() + 8);
        int wordStart = 0;
        for (int i = 0; i <= local.length(); i++) {
            boolean end = i == local.length();
            char c = end ? ' ' : local.charAt(i);
            boolean separator = c == '_' || c == '-' || Character.isWhitespace(c);
            boolean upperStartsWord = !end && i > wordStart && Character.isUpperCase(c)
                    && (Character.isLowerCase(local.charAt(i - 1))
                        || (i + 1 < local.length() && Character.isLowerCase(local.charAt(i + 1))
                            && Character.isUpperCase(local.charAt(i - 1))));
            if (separator || end || upperStartsWord) {
                appendWord(words, local.substring(wordStart, i));
                wordStart = separator ? i + 1 : i;
            }
        }
        String relation = LabelText.clean(words.toString());
        if (relation.isEmpty() || TextInput.problem(relation).isPresent()) {
            return LabelText.cut(iri);
        }
        return LabelText.cut(relation);
    }

    private static void appendWord(StringBuilder words, String word) {
        if (word.isEmpty()) {
            return;
        }
        if (!words.isEmpty()) {
            words.append(' ');
        }
        words.append(isWrittenAsWord(word) ? word.toLowerCase(Locale.ROOT) : word);
    }

    /** "birth", "Place", "x": a word whose only capital, if any, is its first letter and that has small letters. */
    private static boolean isWrittenAsWord(String word) {
        boolean hasLower = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                return false;
            }
            hasLower |= Character.isLowerCase(c);
        }
        return hasLower || word.length() == 1;
    }

    /** A local name of printable ASCII with nothing to decode, collapse or read as a space. */
    private static boolean isPlain(String local) {
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '%' || c == '_') {
                return false;
            }
        }
        return true;
    }

    /** Percent-decoding as UTF-8; an escape that is malformed, or bytes that are not UTF-8, stay as written. */
    static String decode(String text) {
        int percent = text.indexOf('%');
        if (percent < 0) {
            return text;
        }
        StringBuilder decoded = new StringBuilder(text.length());
        decoded.append(text, 0, percent);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = percent;
        while (i < text.length()) {
            int start = i;
            while (isEscape(text, i)) {
                bytes.write(Integer.parseInt(text, i + 1, i + 3, 16));
                i += 3;
            }
            if (bytes.size() > 0) {
                decoded.append(utf8OrAsWritten(bytes.toByteArray(), text.substring(start, i)));
                bytes.reset();
            } else {
                decoded.append(text.charAt(i));
                i++;
            }
        }
        return decoded.toString();
    }

    private static String utf8OrAsWritten(byte[] bytes, String written) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return written;
        }
    }

    private static boolean isEscape(String text, int at) {
        return at + 2 < text.length() && text.charAt(at) == '%' && isHex(text.charAt(at + 1)) && isHex(text.charAt(at + 2));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
