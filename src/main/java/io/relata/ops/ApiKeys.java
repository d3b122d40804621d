package io.relata.ops;

import io.relata.RelataProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * The configured bearer API keys. A token is compared with every key, as SHA-256 digests in constant time, so neither
 * which key nor how much of one matched shows in the timing; keys are never logged, and a caller is named by the list
 * and position of its key ("write-key-1").
 */
final class ApiKeys {

    /** RFC 6750's b64token: what a bearer token may consist of (Spring Security's header parser refuses anything else). */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    private final List<Key> keys;

    private record Key(String name, byte[] digest, boolean write) {}

    ApiKeys(RelataProperties.Security security) {
        List<Key> all = new ArrayList<>();
        add(all, security.readKeys(), "read-key", false);
        add(all, security.writeKeys(), "write-key", true);
        this.keys = List.copyOf(all);
    }

    private static void add(List<Key> keys, List<String> configured, String list, boolean write) {
        int position = 0;
        for (String key : configured) {
            String stripped = key.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            position++;
            if (!TOKEN.matcher(stripped).matches()) {
                throw new IllegalStateException("relata.security." + list + "s: key " + position
                        + " has characters a bearer token cannot carry; use letters, digits and -._~+/ (e.g. openssl rand -hex 32)");
            }
            keys.add(new Key(list + "-" + position, sha256(stripped), write));
        }
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The caller this key belongs to, or InvalidBearerTokenException when it is none of the configured keys. */
    Authentication authenticate(String token) {
        byte[] digest = sha256(token);
        Key found = null;
        for (Key key : keys) {
            if (MessageDigest.isEqual(key.digest(), digest) && found == null) {
                found = key;
            }
        }
        if (found == null) {
            throw new InvalidBearerTokenException("the bearer token is not a valid API key");
        }
        return new PreAuthenticatedAuthenticationToken(found.name(), null, Access.granted(found.write()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
