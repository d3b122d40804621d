package io.relata.lexicon;

/** A relation, phrase or reading that the lexicon does not have (404); {@code kind} says which. */
public class UnknownLexiconEntryException extends RuntimeException {

    private final String kind;

    public UnknownLexiconEntryException(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** relation, phrase or reading. */
    public String kind() {
        return kind;
    }
}
