package io.relata.lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How relation phrases are compared: case, spacing, a leading "the" and plural endings do not matter. */
public final class Phrases {

    private Phrases() {}

    public static String normalize(String phrase) {
        String p = phrase.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (p.startsWith("the ")) {
            p = p.substring(4);
        }
        return p;
    }

    /** The forms to look up for a normalized phrase, most literal first: "grandchildren" is looked up as is. */
    static List<String> lookupForms(String normalized) {
        List<String> forms = new ArrayList<>(List.of(normalized));
        if (normalized.endsWith("ies") && normalized.length() > 4) {
            forms.add(normalized.substring(0, normalized.length() - 3) + "y");
        }
        if (normalized.endsWith("es") && normalized.length() > 3) {
            forms.add(normalized.substring(0, normalized.length() - 2));
        }
        if (normalized.endsWith("s") && !normalized.endsWith("ss") && normalized.length() > 2) {
            forms.add(normalized.substring(0, normalized.length() - 1));
        }
        return forms;
    }
}
