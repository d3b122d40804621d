package io.relata.imports.gedcom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds a fixture's exact bytes from ASCII text and single bytes, for files no text editor keeps intact. */
final class Bytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Bytes of() {
        return new Bytes();
    }

    /** ASCII text as its bytes. */
    Bytes text(String ascii) {
        out.writeBytes(ascii.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** Bytes given as numbers: {@code bytes(0xE2, 'e')}. */
    Bytes bytes(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    byte[] toArray() {
        return out.toByteArray();
    }
}
