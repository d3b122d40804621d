package io.relata.ops;

/**
 * Makes text from a request safe to log: line breaks, other control characters and the invisible format characters
 * are written as escapes ({@code \n}, {@code \u202E}), so that no value a client sends can start a log line of its
 * own or hide what a line says.
 */
public final class LogSafe {

    private LogSafe() {}

    /** The text with every character that could forge or disguise a log line escaped; null stays "null". */
    public static String escape(CharSequence text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = escape(c);
            if (escaped != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(escaped != null ? escaped : String.valueOf(c));
            }
        }
        return out == null ? text.toString() : out.toString();
    }

    /**
     * The throwable itself when no message in its chain needs escaping; otherwise a copy of the chain with escaped
     * messages and the same stack traces, so that logging it cannot forge lines either.
     */
    public static Throwable escape(Throwable throwable) {
        return needsEscaping(throwable) ? new Escaped(throwable) : throwable;
    }

    private static boolean needsEscaping(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !escape(message).equals(message)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String escape(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> switch (Character.getType(c)) {
                case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
                        String.format("\\u%04X", (int) c);
                default -> null;
            };
        };
    }

    /** A logged stand-in for a throwable whose messages held characters that must be escaped. */
    private static final class Escaped extends RuntimeException {

        Escaped(Throwable original) {
            super(original.getClass().getName() + ": " + escape(original.getMessage()),
                    original.getCause() == null || original.getCause() == original ? null : escape(original.getCause()),
                    false, true);
            setStackTrace(original.getStackTrace());
        }
    }
}
