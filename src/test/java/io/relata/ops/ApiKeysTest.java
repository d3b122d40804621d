package io.relata.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relata.RelataProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** Which caller a bearer API key belongs to, and what it may do. */
class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys(new RelataProperties.Security(true, List.of("r-one", " r-two ", ""),
            List.of("w-one")));

    private static List<String> roles(Authentication caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    @Test
    void aReadKeyMayReadOnly() {
        Authentication caller = keys.authenticate("r-two");

        assertThat(caller.isAuthenticated()).isTrue();
        assertThat(roles(caller)).containsExactly("ROLE_RELATA_READ");
        assertThat(caller.getName()).isEqualTo("read-key-2");
    }

    @Test
    void aWriteKeyMayReadAndWrite() {
        Authentication caller = keys.authenticate("w-one");

        assertThat(roles(caller)).containsExactlyInAnyOrder("ROLE_RELATA_READ", "ROLE_RELATA_WRITE");
        assertThat(caller.getName()).isEqualTo("write-key-1");
    }

    @Test
    void anyOtherTokenIsRefusedWithoutNamingTheKeys() {
        for (String token : List.of("r-on", "r-one ", "R-ONE", "w-one2", "", "r-onew-one")) {
            assertThatThrownBy(() -> keys.authenticate(token))
                    .isInstanceOf(InvalidBearerTokenException.class)
                    .hasMessageNotContaining("r-one").hasMessageNotContaining("w-one");
        }
    }

    @Test
    void theCredentialsAreNotKeptInTheCaller() {
        assertThat(keys.authenticate("w-one").getCredentials()).isNull();
        assertThat(keys.authenticate("w-one").toString()).doesNotContain("w-one");
    }

    @Test
    void blankEntriesAreNoKeys() {
        assertThat(new ApiKeys(new RelataProperties.Security(true, List.of(" ", ""), List.of())).isEmpty()).isTrue();
        assertThatThrownBy(() -> keys.authenticate(" ")).isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void aKeyThatNoBearerHeaderCanCarryStopsTheStartWithoutShowingIt() {
        assertThatThrownBy(() -> new ApiKeys(new RelataProperties.Security(true, List.of("ok-key"), List.of("bad key!"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("relata.security.write-keys: key 1")
                .hasMessageNotContaining("bad key!");
    }
}
