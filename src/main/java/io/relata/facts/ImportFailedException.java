package io.relata.facts;

/** An import that stopped part-way on a store failure: every line before {@code committedLines} is stored. */
public class ImportFailedException extends RuntimeException {

    private final long committedLines;

    public ImportFailedException(long committedLines, Throwable cause) {
        super("import stopped after line " + committedLines + ": " + cause.getMessage(), cause);
        this.committedLines = committedLines;
    }

    public long committedLines() {
        return committedLines;
    }
}
