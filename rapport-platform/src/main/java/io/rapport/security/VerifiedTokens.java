package io.rapport.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

/**
 * The bearer-token parser every request's authentication goes through, remembering the tokens it has verified.
 * <p>
 * A frontend sends the same token with every request until it expires, and verifying it again each time (its RSA
 * signature, its JSON) was 7-9% of a service's CPU under load. A token verified once is therefore taken as is for at
 * most {@code rapport.security.token-cache.max-age}, and never past the moment the parser would refuse it: its
 * {@code exp}, or its {@code iat} plus {@code mp.jwt.verify.token.age} when that is set. Only a token equal to the
 * verified one, character for character, is taken from memory, so a changed claim or signature is verified like any
 * new token; a refused token is never remembered. Both moments are judged by the system's clock, as the parser
 * judges them, never by the service's adjustable clock ({@code rapport.clock.offset}). The price: once the
 * verification key is replaced (a JWKS refresh), a token verified before keeps passing for at most the max-age.
 * <p>
 * The parsed token is shared by the requests that send it; nothing in Rapport changes its claims.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends DefaultJWTParser {

    private final Cache<String, JsonWebToken> verified;

    @Inject
    public VerifiedTokens(JWTAuthContextInfo authContextInfo, JWTCallerPrincipalFactory principalFactory,
            SecurityConfig config) {
        this(authContextInfo, principalFactory, config, Clock.systemUTC(), Ticker.systemTicker());
    }

    /** With the wall clock that judges a token's claims and the ticker that times the cache, for tests. */
    VerifiedTokens(JWTAuthContextInfo authContextInfo, JWTCallerPrincipalFactory principalFactory,
            SecurityConfig config, Clock wallClock, Ticker ticker) {
        super(authContextInfo, principalFactory);
        Duration maxAge = config.tokenCache().maxAge();
        Long tokenAge = authContextInfo.getTokenAge();
        this.verified = Caffeine.newBuilder()
                .maximumSize(config.tokenCache().maxSize())
                .expireAfter(Expiry.writing((String raw, JsonWebToken token) ->
                        remembered(token, maxAge, tokenAge, wallClock.instant())))
                .ticker(ticker)
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken checked = super.parse(token);
        verified.put(token, checked);
        return checked;
    }

    /** How long a token just verified may be taken from memory. */
    static Duration remembered(JsonWebToken token, Duration maxAge, Long tokenAgeSeconds, Instant now) {
        Instant refused = Instant.ofEpochSecond(token.getExpirationTime());
        if (tokenAgeSeconds != null) {
            Instant tooOld = Instant.ofEpochSecond(token.getIssuedAtTime()).plusSeconds(tokenAgeSeconds);
            refused = tooOld.isBefore(refused) ? tooOld : refused;
        }
        Duration left = Duration.between(now, refused);
        if (left.isNegative()) {
            return Duration.ZERO; // within the clock skew the parser allows: verified on every request
        }
        return left.compareTo(maxAge) < 0 ? left : maxAge;
    }
}
