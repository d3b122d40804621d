package io.relata.lexicon;

/** A lexicon change refused because of what the store holds (409): a relation that facts use, or a limit reached. */
public class LexiconConflictException extends RuntimeException {

    private final String type;

    public LexiconConflictException(String type, String message) {
        super(message);
        this.type = type;
    }

    /** The problem type: relation-in-use or lexicon-limit. */
    public String type() {
        return type;
    }
}
