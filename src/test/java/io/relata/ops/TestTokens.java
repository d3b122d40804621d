package io.relata.ops;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** JWTs signed by a locally generated RSA key: the issuer a test configures relata to trust, and a forger's key. */
final class TestTokens {

    private final KeyPair issuer = rsa();
    private final KeyPair forger = rsa();
    private final Path publicKey;

    TestTokens() {
        try {
            publicKey = Files.createTempFile("relata-test-issuer", ".pem");
            publicKey.toFile().deleteOnExit();
            Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(issuer.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For spring.security.oauth2.resourceserver.jwt.public-key-location. */
    String publicKeyLocation() {
        return publicKey.toUri().toString();
    }

    /** A token from the trusted issuer with this scope claim, valid for an hour. */
    String valid(String scope) {
        return sign(issuer, scope, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofHours(1)));
    }

    /** A token from the trusted issuer that expired an hour ago (well beyond the clock skew allowed). */
    String expired(String scope) {
        return sign(issuer, scope, Instant.now().minus(Duration.ofHours(2)), Instant.now().minus(Duration.ofHours(1)));
    }

    /** A well-formed, unexpired token signed by another key. */
    String forged(String scope) {
        return sign(forger, scope, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofHours(1)));
    }

    private static String sign(KeyPair key, String scope, Instant issuedAt, Instant expiresAt) {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject("test-service")
                .issuer("https://issuer.test")
                .claim("scope", scope)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .build());
        try {
            jwt.sign(new RSASSASigner(key.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
