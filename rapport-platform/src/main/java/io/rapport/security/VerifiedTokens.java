package io.rapport.security;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

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
 * signature, its JSON) was a tenth of a service's CPU under load. A token verified once is therefore taken as is
 * for at most {@code rapport.security.token-cache.max-age}, and never past its own expiry. Only a token equal to
 * the verified one, character for character, is taken from memory, so a changed claim or signature is verified
 * like any new token. The price: after the verification key changes, a token verified before keeps passing for at
 * most the max-age.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends DefaultJWTParser {

    private final Clock clock;
    private final Cache<String, JsonWebToken> verified;

    @Inject
    public VerifiedTokens(JWTAuthContextInfo authContextInfo, JWTCallerPrincipalFactory principalFactory,
            SecurityConfig config, Clock clock) {
        super(authContextInfo, principalFactory);
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(config.tokenCache().maxSize())
                .expireAfterWrite(config.tokenCache().maxAge())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && !expired(known)) {
            return known;
        }
        JsonWebToken checked = super.parse(token);
        verified.put(token, checked);
        return checked;
    }

    /** Past its {@code exp}: verified again, which refuses it unless it is within the allowed clock skew. */
    private boolean expired(JsonWebToken token) {
        return token.getExpirationTime() <= clock.millis() / 1000;
    }
}
