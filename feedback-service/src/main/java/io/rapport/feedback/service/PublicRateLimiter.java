package io.rapport.feedback.service;

import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.rapport.feedback.config.FeedbackConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Rate limits of the public survey endpoints: a token bucket per client address (which stops guessing tokens) and
 * one per token (which stops hammering one link). The buckets live in this instance's memory, so with several
 * replicas a client gets up to that many times the limit; an exhausted bucket answers 429 with Retry-After.
 */
@ApplicationScoped
public class PublicRateLimiter {

    private final FeedbackConfig.RateLimit config;
    private final Cache<String, Bucket> addresses;
    private final Cache<String, Bucket> tokens;

    public PublicRateLimiter(FeedbackConfig config) {
        this.config = config.rateLimit();
        this.addresses = cache(this.config.perAddress());
        this.tokens = cache(this.config.perToken());
    }

    /** Takes one request from the address's and the token's buckets; 429 when either is empty. */
    public void acquire(String address, String token) {
        take(addresses, address == null ? "unknown" : address, config.perAddress(), "from your address");
        // keyed by the token's hash: fixed size whatever was sent, and no working link kept in memory
        take(tokens, SurveyTokens.hash(token == null ? "" : token), config.perToken(), "for this survey link");
    }

    private static void take(Cache<String, Bucket> buckets, String key, FeedbackConfig.Bucket limit, String scope) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw HttpProblem.builder().withStatus(429).withTitle("Too Many Requests")
                    .withDetail("Too many requests " + scope + "; retry in " + retryAfter + " s")
                    .withHeader("Retry-After", Long.toString(retryAfter))
                    .build();
        }
    }

    private Cache<String, Bucket> cache(FeedbackConfig.Bucket limit) {
        return Caffeine.newBuilder()
                .maximumSize(config.maxTracked())
                // a bucket untouched for a whole period is full again: forgetting it changes nothing
                .expireAfterAccess(limit.period())
                .build();
    }
}
