package io.relata.imports;

import io.relata.InvalidInputException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens an import body that may be gzip-compressed, for every format alike. A body declared gzip whose header is not
 * gzip is a 400 before anything is read; a stream that breaks off later fails its reader as any broken body does.
 */
public final class Gzip {

    private static final int BUFFER = 64 * 1024;

    private Gzip() {}

    /** {@code in} itself, or {@code in} decompressed when {@code gzip}. */
    public static InputStream decoded(InputStream in, boolean gzip) throws IOException {
        if (!gzip) {
            return in;
        }
        try {
            return new GZIPInputStream(in, BUFFER);
        } catch (ZipException | EOFException e) {
            throw new InvalidInputException("the body is declared gzip but is not (" + e.getMessage() + ")");
        }
    }
}
