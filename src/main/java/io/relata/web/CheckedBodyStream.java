package io.relata.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/** A request body passed through unchanged while a check sees every byte read and the end of the body. */
abstract class CheckedBodyStream extends ServletInputStream {

    private final ServletInputStream in;
    /** The byte of a one-byte read, passed to the check without allocating per byte. */
    private final byte[] single = new byte[1];

    CheckedBodyStream(ServletInputStream in) {
        this.in = in;
    }

    /** Sees {@code length} bytes just read into {@code buffer} at {@code offset}; throws to refuse the body. */
    protected abstract void check(byte[] buffer, int offset, int length) throws IOException;

    /** Called when the body has been read to its end. */
    protected void end() throws IOException {}

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            end();
        } else {
            single[0] = (byte) b;
            check(single, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            end();
        } else if (n > 0) {
            check(buffer, offset, n);
        }
        return n;
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }
}
