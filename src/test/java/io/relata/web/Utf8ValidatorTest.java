package io.relata.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8ValidatorTest {

    private static void validate(byte[] bytes) throws Utf8BodyFilter.InvalidUtf8Exception {
        Utf8BodyFilter.Utf8Validator validator = new Utf8BodyFilter.Utf8Validator();
        for (byte b : bytes) {
            validator.accept(b);
        }
        validator.end();
    }

    private static byte[] hex(String hex) {
        String[] parts = hex.split(" ");
        byte[] bytes = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tom Cruise", "Hélène", "毛泽东", "🙂", "\u07ff\u0800\uffff", "\udbff\udfff"})
    void wellFormedUtf8Passes(String text) {
        assertThatCode(() -> validate(text.getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "C0 AF",          // overlong '/'
            "C1 BF",          // overlong
            "E0 80 AF",       // overlong 3-byte
            "F0 80 80 AF",    // overlong 4-byte
            "ED A0 80",       // encoded surrogate
            "F4 90 80 80",    // past U+10FFFF
            "F5 80 80 80",    // never valid
            "80",             // lone continuation
            "FF",
            "E2 82",          // cut short at the end
            "E2 82 41"})      // cut short before an ASCII byte
    void malformedUtf8IsRefused(String bytes) {
        assertThatThrownBy(() -> validate(hex(bytes))).isInstanceOf(Utf8BodyFilter.InvalidUtf8Exception.class)
                .hasMessageContaining("not valid UTF-8");
    }
}
