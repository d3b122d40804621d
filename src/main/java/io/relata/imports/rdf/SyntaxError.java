package io.relata.imports.rdf;

import org.apache.jena.riot.system.ErrorHandler;

/**
 * What RIOT found wrong with the input, where it found it. Thrown by {@link #handler()} for errors and fatal errors,
 * so that a parse stops there whatever RIOT would do next; warnings (an IRI RIOT merely frowns upon) are let pass.
 */
final class SyntaxError extends RuntimeException {

    private final long line;
    private final long column;

    SyntaxError(String message, long line, long column) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
    }

    static ErrorHandler handler() {
        return new ErrorHandler() {
            @Override
            public void warning(String message, long line, long column) {
                // Not a reason to lose a triple: RIOT keeps it, and so does relata.
            }

            @Override
            public void error(String message, long line, long column) {
                throw new SyntaxError(message, line, column);
            }

            @Override
            public void fatal(String message, long line, long column) {
                throw new SyntaxError(message, line, column);
            }
        };
    }

    /** The line RIOT gave, 0 when it gave none. */
    long line() {
        return Math.max(line, 0);
    }

    /** The reason given to the sink: RIOT's message and where, without the stack trace. */
    String reason() {
        if (line > 0 && column > 0) {
            return getMessage() + " (line " + line + ", column " + column + ")";
        }
        return line > 0 ? getMessage() + " (line " + line + ")" : getMessage();
    }

    /** The reason for a line read on its own, whose number RIOT does not know. */
    String reasonOnLine() {
        return column > 0 ? getMessage() + " (column " + column + ")" : getMessage();
    }
}
