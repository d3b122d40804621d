package io.relata.imports.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A line-based file read as chunks of whole physical lines, for RIOT to parse a chunk in one go: the bytes of up to
 * {@value #MAX_LINES} lines, where each starts and ends, and its 1-based number. A line longer than
 * {@value #MAX_LINE_BYTES} bytes is not kept but skipped to its end and ends its chunk, so that one broken file with no
 * line breaks cannot take the heap.
 */
final class LineChunks {

    static final int MAX_LINES = 2000;
    static final int MAX_LINE_BYTES = 1 << 20;
    /** A chunk of long lines ends early: RIOT gets a few MB at a time whatever the lines are like. */
    private static final int FULL_BYTES = 4 << 20;
    private static final int READ_SIZE = 1 << 16;

    private final InputStream in;
    private final byte[] readBuffer = new byte[READ_SIZE];
    private int readPosition;
    private int readLimit;
    private boolean endOfInput;
    private boolean startOfInput = true;
    private long lineNumber;

    private byte[] bytes = new byte[1 << 20];
    private int length;
    private final int[] starts = new int[MAX_LINES];
    private final int[] ends = new int[MAX_LINES];
    private final long[] numbers = new long[MAX_LINES];
    private int lines;
    private long overlongLine;

    LineChunks(InputStream in) {
        this.in = in;
    }

    /** Reads the next chunk; false at the end of the input, when there is none. */
    boolean next() throws IOException {
        length = 0;
        lines = 0;
        overlongLine = 0;
        while (lines < MAX_LINES && length < FULL_BYTES && overlongLine == 0) {
            if (!readLine()) {
                break;
            }
        }
        return lines > 0 || overlongLine > 0;
    }

    int lines() {
        return lines;
    }

    byte[] bytes() {
        return bytes;
    }

    /** The end of the chunk's bytes, the lines' line breaks included. */
    int length() {
        return length;
    }

    int start(int line) {
        return starts[line];
    }

    /** Where the line's text ends, before its line break. */
    int end(int line) {
        return ends[line];
    }

    long number(int line) {
        return numbers[line];
    }

    /** The number of the line too long to keep that ends this chunk, after its other lines; 0 when there is none. */
    long overlongLine() {
        return overlongLine;
    }

    /** Whether the line holds a statement: not blank, not a comment. */
    boolean isStatement(int line) {
        for (int i = starts[line]; i < ends[line]; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return b != '#';
            }
        }
        return false;
    }

    /** Reads one line into the chunk, or past it when it is too long; false at the end of the input. */
    private boolean readLine() throws IOException {
        int start = length;
        long lineLength = 0;
        boolean any = false;
        while (true) {
            if (readPosition == readLimit && !fill()) {
                if (!any) {
                    return false;
                }
                finishLine(start, lineLength, false);
                return true;
            }
            any = true;
            int newline = indexOfNewline(readPosition, readLimit);
            int end = newline < 0 ? readLimit : newline;
            int count = end - readPosition;
            if (lineLength + count <= MAX_LINE_BYTES) {
                append(readPosition, count);
            }
            lineLength += count;
            readPosition = end;
            if (newline >= 0) {
                readPosition++;
                finishLine(start, lineLength, true);
                return true;
            }
        }
    }

    private void finishLine(int start, long lineLength, boolean hadNewline) {
        lineNumber++;
        if (lineLength > MAX_LINE_BYTES) {
            length = start;
            overlongLine = lineNumber;
            return;
        }
        starts[lines] = start;
        ends[lines] = length;
        numbers[lines] = lineNumber;
        lines++;
        if (hadNewline) {
            ensureRoom(1);
            bytes[length++] = '\n';
        }
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (readBuffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int from, int count) {
        ensureRoom(count);
        System.arraycopy(readBuffer, from, bytes, length, count);
        length += count;
    }

    private void ensureRoom(int count) {
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
    }

    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int read = in.readNBytes(readBuffer, 0, READ_SIZE);
        if (read <= 0) {
            endOfInput = true;
            return false;
        }
        readPosition = 0;
        readLimit = read;
        if (startOfInput) {
            startOfInput = false;
            // A byte order mark is no part of the first line's statement.
            if (read >= 3 && (readBuffer[0] & 0xff) == 0xEF && (readBuffer[1] & 0xff) == 0xBB
                    && (readBuffer[2] & 0xff) == 0xBF) {
                readPosition = 3;
            }
        }
        return true;
    }
}
