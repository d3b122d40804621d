package io.relata.imports.gedcom;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into physical lines ended by CR, LF, CRLF or LFCR (each counted once, numbered from 1), in
 * code units of one byte or, for UTF-16, two, so that a line end is never looked for inside a character.
 */
final class PhysicalLines {

    /** GEDCOM 5.5 lines are at most 255 characters; a line past this is cut and its record rejected. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private static final int END = -1;
    private static final int NONE = -2;
    private static final int CR = '\r';
    private static final int LF = '\n';

    /** A line's bytes without its end; {@code cut} when it was longer than {@link #MAX_LINE_BYTES}. */
    record Raw(long number, byte[] bytes, boolean cut) {}

    private final InputStream in;
    private final int width;
    private final boolean bigEndian;
    private final byte[] buffer = new byte[65_536];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int length;
    private int peeked = NONE;
    private long number;

    /** {@code width} 1 for ASCII-compatible encodings, 2 for UTF-16 in the byte order given. */
    PhysicalLines(InputStream in, int width, boolean bigEndian) {
        this.in = in;
        this.width = width;
        this.bigEndian = bigEndian;
    }

    /** The next line, or null at the end of the stream; a final line end does not start another line. */
    Raw next() throws IOException {
        int unit = unit();
        if (unit == END) {
            return null;
        }
        length = 0;
        boolean cut = false;
        while (unit != END && unit != CR && unit != LF) {
            cut |= !append(unit);
            unit = unit();
        }
        if (unit != END) {
            int following = unit();
            if (following != (unit == CR ? LF : CR)) {
                peeked = following;
            }
        }
        number++;
        return new Raw(number, Arrays.copyOf(line, length), cut);
    }

    private boolean append(int unit) {
        if (length + width > MAX_LINE_BYTES) {
            return false;
        }
        if (length + width > line.length) {
            line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, line.length * 2));
        }
        if (width == 1) {
            line[length++] = (byte) unit;
        } else if (bigEndian) {
            line[length++] = (byte) (unit >> 8);
            line[length++] = (byte) unit;
        } else {
            line[length++] = (byte) unit;
            line[length++] = (byte) (unit >> 8);
        }
        return true;
    }

    private int unit() throws IOException {
        if (peeked != NONE) {
            int unit = peeked;
            peeked = NONE;
            return unit;
        }
        int first = read();
        if (first == END || width == 1) {
            return first;
        }
        int second = read();
        if (second == END) {
            return END;
        }
        return bigEndian ? first << 8 | second : second << 8 | first;
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = in.read(buffer);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return END;
            }
        }
        return buffer[position++] & 0xFF;
    }
}
