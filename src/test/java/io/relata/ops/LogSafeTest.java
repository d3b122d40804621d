package io.relata.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void lineBreaksAndInvisibleCharactersAreEscaped() {
        assertThat(LogSafe.escape("Who is x\n2026-01-01 ERROR forged\r\u0085\u2028\u202e\u0000?"))
                .isEqualTo("Who is x\\n2026-01-01 ERROR forged\\r\\u0085\\u2028\\u202E\\u0000?")
                .doesNotContain("\n");
    }

    @Test
    void ordinaryTextIsLoggedAsItIs() {
        String text = "Who is Hélène Langevin-Joliot's mother? 毛泽东 🙂 C:\\path";

        assertThat(LogSafe.escape(text)).isSameAs(text);
        assertThat(LogSafe.escape((String) null)).isEqualTo("null");
    }

    @Test
    void aThrowableWhoseMessagesCarryLineBreaksIsReplacedByAnEscapedCopyWithTheSameStackTrace() {
        IllegalStateException cause = new IllegalStateException("value [x\nFORGED]");
        RuntimeException failure = new RuntimeException("wrapped", cause);

        Throwable logged = LogSafe.escape(failure);

        assertThat(logged).isNotSameAs(failure);
        assertThat(logged.getMessage()).isEqualTo("java.lang.RuntimeException: wrapped");
        assertThat(logged.getStackTrace()).isEqualTo(failure.getStackTrace());
        assertThat(logged.getCause().getMessage()).isEqualTo("java.lang.IllegalStateException: value [x\\nFORGED]");
        assertThat(logged.getCause().getStackTrace()).isEqualTo(cause.getStackTrace());
    }

    @Test
    void aThrowableWithSafeMessagesIsLoggedItself() {
        RuntimeException failure = new RuntimeException("safe", new IllegalStateException("also safe"));

        assertThat(LogSafe.escape(failure)).isSameAs(failure);
    }
}
