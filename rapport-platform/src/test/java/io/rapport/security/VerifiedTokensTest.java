package io.rapport.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Ticker;

import io.rapport.events.testing.TestTokens;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;

class VerifiedTokensTest {

    private final MovingClock clock = new MovingClock();

    @Test
    void aTokenVerifiedOnceIsTakenFromMemoryUntilTheMaxAge() throws ParseException {
        VerifiedTokens tokens = tokens(Duration.ofSeconds(60));
        String token = TestTokens.token("alice", "rep");

        JsonWebToken first = tokens.parse(token);
        assertThat(first.getName()).isEqualTo("alice");
        assertThat(tokens.parse(token)).isSameAs(first);

        clock.advance(Duration.ofSeconds(61));
        JsonWebToken again = tokens.parse(token);
        assertThat(again).isNotSameAs(first); // verified anew
        assertThat(again.getGroups()).containsExactly("rep");
    }

    @Test
    void aRememberedTokenPastItsExpiryIsVerifiedAgain() throws ParseException {
        VerifiedTokens tokens = tokens(Duration.ofHours(2));
        String token = TestTokens.token("alice", "rep"); // expires in an hour
        // verified again after an hour, by the parser's own check of exp against the real time, so it passes here
        assertRememberedFor(tokens, token, Duration.ofHours(1));
    }

    @Test
    void aTokenAgeLimitEndsTheRememberingToo() throws ParseException {
        JWTAuthContextInfo verification = verification();
        verification.setTokenAge(600L);
        VerifiedTokens tokens = new VerifiedTokens(verification, JWTCallerPrincipalFactory.instance(),
                config(Duration.ofHours(2)), clock, clock.ticker());
        assertRememberedFor(tokens, TestTokens.token("alice", "rep"), Duration.ofMinutes(10));
    }

    @Test
    void anythingButTheVerifiedTokenItselfIsVerified() throws ParseException {
        VerifiedTokens tokens = tokens(Duration.ofSeconds(60));
        String token = TestTokens.token("alice", "rep");
        tokens.parse(token);

        String forged = TestTokens.withForeignSignature(token);
        assertThatThrownBy(() -> tokens.parse(forged)).isInstanceOf(ParseException.class);

        String expired = Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).upn("alice")
                .groups(Set.of("rep")).issuedAt(Instant.now().minus(Duration.ofHours(2)))
                .expiresAt(Instant.now().minus(Duration.ofHours(1))).sign(TestTokens.PRIVATE_KEY);
        assertThatThrownBy(() -> tokens.parse(expired)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse(expired)).isInstanceOf(ParseException.class);

        String elsewhere = Jwt.issuer(TestTokens.ISSUER).audience("another-application").upn("alice")
                .groups(Set.of("rep")).expiresIn(Duration.ofHours(1)).sign(TestTokens.PRIVATE_KEY);
        assertThatThrownBy(() -> tokens.parse(elsewhere)).isInstanceOf(ParseException.class);
    }

    @Test
    void aMaxAgeOfZeroVerifiesEveryTime() throws ParseException {
        VerifiedTokens tokens = tokens(Duration.ZERO);
        String token = TestTokens.token("alice", "rep");
        assertThat(tokens.parse(token)).isNotSameAs(tokens.parse(token));
    }

    /** The token is taken from memory until a minute before {@code remembered}, and verified again a minute after. */
    private void assertRememberedFor(VerifiedTokens tokens, String token, Duration remembered) throws ParseException {
        JsonWebToken first = tokens.parse(token);
        clock.advance(remembered.minusMinutes(1));
        assertThat(tokens.parse(token)).isSameAs(first);
        clock.advance(Duration.ofMinutes(2));
        assertThat(tokens.parse(token)).isNotSameAs(first);
    }

    private VerifiedTokens tokens(Duration maxAge) {
        return new VerifiedTokens(verification(), JWTCallerPrincipalFactory.instance(), config(maxAge), clock,
                clock.ticker());
    }

    private static JWTAuthContextInfo verification() {
        JWTAuthContextInfo verification = new JWTAuthContextInfo(TestTokens.PUBLIC_KEY, TestTokens.ISSUER);
        verification.setExpectedAudience(Set.of(TestTokens.AUDIENCE));
        return verification;
    }

    private static SecurityConfig config(Duration maxAge) {
        return () -> new SecurityConfig.TokenCache() {
            @Override
            public Duration maxAge() {
                return maxAge;
            }

            @Override
            public long maxSize() {
                return 100;
            }
        };
    }

    /** A clock the test moves forward, for the token's claims and the cache's ticker alike. */
    private static final class MovingClock extends Clock {

        private Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        Ticker ticker() {
            return () -> TimeUnit.MILLISECONDS.toNanos(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
