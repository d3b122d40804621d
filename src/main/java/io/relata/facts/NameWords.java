package io.relata.facts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The words of a folded name (see {@link Labels#key}) as the name index stores them, and their spelling variants. */
public final class NameWords {

    /** Words indexed per name: a name longer than this is found by its first words. */
    static final int MAX_WORDS = 32;
    private static final int SPELLABLE_MIN = 3;
    private static final int SPELLABLE_MAX = 30;

    private NameWords() {}

    /** The distinct words of a key, in order, at most {@value #MAX_WORDS}. */
    public static List<String> of(String key) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : key.split(" ")) {
            if (!word.isEmpty()) {
                words.add(word);
                if (words.size() == MAX_WORDS) {
                    break;
                }
            }
        }
        return new ArrayList<>(words);
    }

    /**
     * Whether a word may be misspelt and corrected: 3 to 30 characters without a digit. Numbers and codes are not
     * spelled ("Person 0001234" and "Person 0001243" are two people, not a typo), and a word of one or two letters is
     * one edit away from too many others to say which was meant.
     */
    static boolean spellable(String word) {
        if (word.length() < SPELLABLE_MIN || word.length() > SPELLABLE_MAX) {
            return false;
        }
        return word.codePoints().noneMatch(Character::isDigit);
    }

    /**
     * The word and every form of it with one character deleted. Two words one edit apart (insertion, deletion,
     * substitution or a swap of two neighbours) always share one of these forms.
     */
    static Set<String> variants(String word) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(word);
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLowSurrogate(word.charAt(i))) {
                continue;
            }
            int end = Character.isHighSurrogate(word.charAt(i)) && i + 1 < word.length() ? i + 2 : i + 1;
            variants.add(word.substring(0, i) + word.substring(end));
        }
        return variants;
    }
}
