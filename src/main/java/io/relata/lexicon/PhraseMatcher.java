package io.relata.lexicon;

import java.util.List;
import java.util.Optional;

/** Matches a relation phrase the lexicon does not know to the nearest phrase it does, when they are close enough. */
public interface PhraseMatcher {

    /**
     * How an asked phrase was matched: to which known phrase, by what ({@code lexicon}: it is that phrase;
     * {@code similarity}: the nearest known phrase by meaning), how similar, and whether it asks the known phrase from
     * its other end ("gave birth to" is "mother" asked the other way round).
     */
    record Match(String asked, String known, String by, double similarity, boolean turned) {

        public static final String LEXICON = "lexicon";
        public static final String SIMILARITY = "similarity";

        /** A phrase the lexicon knows as it is. */
        public static Match lexicon(String phrase) {
            return new Match(phrase, phrase, LEXICON, 1.0, false);
        }
    }

    /** The nearest known phrase, when it is at least as similar as the matcher's threshold. */
    Optional<Match> match(String phrase);

    /** The {@code k} nearest known phrases, however far. */
    List<Match> nearest(String phrase, int k);

    /** A matcher that matches nothing. */
    PhraseMatcher NONE = new PhraseMatcher() {
        @Override
        public Optional<Match> match(String phrase) {
            return Optional.empty();
        }

        @Override
        public List<Match> nearest(String phrase, int k) {
            return List.of();
        }
    };
}
