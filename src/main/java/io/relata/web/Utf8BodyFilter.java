package io.relata.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON bodies must be well-formed UTF-8: the JSON parser decodes some malformed sequences (the overlong {@code C0 AF}
 * reads as "/"), so the bytes are checked on their way to it, and a malformed sequence ends the read with
 * {@link InvalidUtf8Exception} (a 400). Imports decode line by line themselves.
 */
@Component
@Order(3)
class Utf8BodyFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return true;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return !(MediaType.APPLICATION_JSON.isCompatibleWith(media) || media.getSubtype().endsWith("+json"));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream stream;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (stream == null) {
                    stream = new Utf8CheckingStream(super.getInputStream());
                }
                return stream;
            }
        }, response);
    }

    /** Bytes that are not well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF). */
    static final class InvalidUtf8Exception extends CharacterCodingException {

        private final long offset;

        InvalidUtf8Exception(long offset) {
            this.offset = offset;
        }

        @Override
        public String getMessage() {
            return "the body is not valid UTF-8 (byte " + offset + ")";
        }
    }

    /** Passes bytes through unchanged while checking that they are well-formed UTF-8. */
    static final class Utf8CheckingStream extends CheckedBodyStream {

        private final Utf8Validator validator = new Utf8Validator();

        Utf8CheckingStream(ServletInputStream in) {
            super(in);
        }

        @Override
        protected void check(byte[] buffer, int offset, int length) throws InvalidUtf8Exception {
            for (int i = 0; i < length; i++) {
                validator.accept(buffer[offset + i]);
            }
        }

        @Override
        protected void end() throws InvalidUtf8Exception {
            validator.end();
        }
    }

    /** The UTF-8 well-formedness table of the Unicode standard (table 3-7), one byte at a time. */
    static final class Utf8Validator {

        private long offset;
        private int pending;
        private int low = 0x80;
        private int high = 0xBF;

        void accept(byte value) throws InvalidUtf8Exception {
            int b = value & 0xFF;
            if (pending > 0) {
                if (b < low || b > high) {
                    throw new InvalidUtf8Exception(offset);
                }
                pending--;
                low = 0x80;
                high = 0xBF;
            } else if (b >= 0x80) {
                if (b >= 0xC2 && b <= 0xDF) {
                    pending = 1;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    pending = 2;
                    low = b == 0xE0 ? 0xA0 : 0x80;
                    high = b == 0xED ? 0x9F : 0xBF;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    pending = 3;
                    low = b == 0xF0 ? 0x90 : 0x80;
                    high = b == 0xF4 ? 0x8F : 0xBF;
                } else {
                    throw new InvalidUtf8Exception(offset);
                }
            }
            offset++;
        }

        void end() throws InvalidUtf8Exception {
            if (pending > 0) {
                throw new InvalidUtf8Exception(offset);
            }
        }
    }
}
