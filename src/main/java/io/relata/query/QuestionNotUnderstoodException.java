package io.relata.query;

import java.util.List;

/** A question relata could not read (422); it carries whatever part was understood. */
public class QuestionNotUnderstoodException extends RuntimeException {

    private final String mention;
    private final String phrase;
    private final List<String> nearestPhrases;

    public QuestionNotUnderstoodException(String message, String mention, String phrase) {
        this(message, mention, phrase, List.of());
    }

    public QuestionNotUnderstoodException(String message, String mention, String phrase, List<String> nearestPhrases) {
        super(message);
        this.mention = mention;
        this.phrase = phrase;
        this.nearestPhrases = List.copyOf(nearestPhrases);
    }

    /** The known phrases nearest to the unknown one, nearest first (empty when none were looked for). */
    public List<String> nearestPhrases() {
        return nearestPhrases;
    }

    /** The entity mention that was understood, or null. */
    public String mention() {
        return mention;
    }

    /** The relation phrase that was understood, or null. */
    public String phrase() {
        return phrase;
    }
}
