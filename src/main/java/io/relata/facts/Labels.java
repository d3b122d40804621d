package io.relata.facts;

import io.relata.TextInput;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How labels are cleaned on the way in and folded for matching ("Hélène  Langevin-Joliot" ~ "helene langevin joliot"). */
public final class Labels {

    /** The length of entity.label_key and entity_alias.alias_key. */
    static final int MAX_KEY_LENGTH = TextInput.LABEL_LENGTH;

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Zs}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Labels() {}

    /** The label as stored: trimmed, inner white space (a no-break space too) collapsed to one space, Unicode NFC. */
    public static String clean(String label) {
        return Normalizer.normalize(SPACES.matcher(label.strip()).replaceAll(" "), Normalizer.Form.NFC);
    }

    /**
     * The matching key: no case, no accents, punctuation as spaces. Compatibility folding can make it longer than the
     * label (the ligature U+FB03 folds to "ffi"), so it is cut to the key columns' {@value #MAX_KEY_LENGTH} characters.
     */
    public static String key(String label) {
        String folded = MARKS.matcher(Normalizer.normalize(label, Normalizer.Form.NFKD)).replaceAll("");
        String key = NOT_WORD.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return TextInput.cut(key.isEmpty() ? clean(label).toLowerCase(Locale.ROOT) : key, MAX_KEY_LENGTH).strip();
    }
}
