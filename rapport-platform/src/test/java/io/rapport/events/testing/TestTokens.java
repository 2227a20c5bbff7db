package io.rapport.events.testing;

import java.io.IOException;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.jwt.build.Jwt;

/**
 * Mints bearer tokens for tests, signed with the test key pair in {@code rapport-test-keys/}; services verify them
 * with its public key ({@code mp.jwt.verify.publickey.location} in the test profile).
 */
public final class TestTokens {

    public static final String ISSUER = "https://rapport.local";
    /** The audience services require ({@code RAPPORT_JWT_AUDIENCE}). */
    public static final String AUDIENCE = "rapport";
    public static final String PRIVATE_KEY = "rapport-test-keys/privateKey.pem";
    public static final String PUBLIC_KEY = "rapport-test-keys/publicKey.pem";

    private TestTokens() {
    }

    /** A token for {@code user} holding {@code role} (rep, manager, admin or integrator). */
    public static String token(String user, String role) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(user)
                .upn(user)
                .claim("preferred_username", user)
                .groups(Set.of(role))
                .expiresIn(Duration.ofHours(1))
                .sign(PRIVATE_KEY);
    }

    public static String bearer(String user, String role) {
        return "Bearer " + token(user, role);
    }

    /**
     * Whose token an {@code Authorization} header carries (its {@code sub}, read without checking the signature), as a
     * stand-in for another service sees it: "" when there is none or it cannot be read.
     */
    public static String subject(String authorization) {
        if (authorization == null) {
            return "";
        }
        String[] parts = authorization.replaceFirst("^Bearer ", "").split("\\.");
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1])).path("sub").asText();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The token's own header and claims with the signature of a token signed by another key: a forgery. */
    public static String withForeignSignature(String token) {
        String foreign = Jwt.issuer(ISSUER).audience(AUDIENCE).upn("mallory").expiresIn(Duration.ofHours(1))
                .sign(foreignKey());
        return token.substring(0, token.lastIndexOf('.')) + foreign.substring(foreign.lastIndexOf('.'));
    }

    private static PrivateKey foreignKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
