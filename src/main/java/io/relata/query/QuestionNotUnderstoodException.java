package io.relata.query;

/** A question relata could not read (422); it carries whatever part was understood. */
public class QuestionNotUnderstoodException extends RuntimeException {

    private final String mention;
    private final String phrase;

    public QuestionNotUnderstoodException(String message, String mention, String phrase) {
        super(message);
        this.mention = mention;
        this.phrase = phrase;
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
