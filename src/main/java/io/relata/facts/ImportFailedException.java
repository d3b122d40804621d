package io.relata.facts;

/**
 * An import that stopped part-way, on a store failure or because the body broke off: every line before
 * {@code committedLines} is stored. {@code cause} says which, in words that follow "the import stopped because".
 */
public class ImportFailedException extends RuntimeException {

    private static final String STORE_FAILED = "the store failed during the import";

    private final long committedLines;
    private final String what;

    /** The store failed. */
    public ImportFailedException(long committedLines, Throwable cause) {
        this(committedLines, STORE_FAILED, cause);
    }

    /** Something else ended the import: {@code what} says what ("the body broke off: …"). */
    public ImportFailedException(long committedLines, String what, Throwable cause) {
        super("import stopped after line " + committedLines + ": " + what + " (" + cause.getMessage() + ")", cause);
        this.committedLines = committedLines;
        this.what = what;
    }

    public long committedLines() {
        return committedLines;
    }

    /** Whether the store failed, rather than the body breaking off. */
    public boolean storeFailed() {
        return STORE_FAILED.equals(what);
    }

    /** What ended the import, for the problem's detail. */
    public String what() {
        return what;
    }
}
