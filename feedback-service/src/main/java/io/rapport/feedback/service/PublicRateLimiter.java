package io.rapport.feedback.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.rapport.feedback.config.FeedbackConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Rate limits of the public survey endpoints: a token bucket per client address (which stops guessing tokens) and
 * one per token (which stops hammering one link). The buckets are rows in PostgreSQL (Bucket4j's proxy manager,
 * table public_rate_limit), so every replica takes from the same bucket: N replicas enforce one limit, not N. An
 * exhausted bucket answers 429 with Retry-After and counts in {@code rapport_public_rate_limited_total}.
 */
@ApplicationScoped
public class PublicRateLimiter {

    /** Expired rows deleted per statement while forgetting full buckets. */
    private static final int FORGET_BATCH = 1_000;

    private final FeedbackConfig.RateLimit config;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Counter limitedAddresses;
    private final Counter limitedLinks;

    public PublicRateLimiter(FeedbackConfig config, DataSource dataSource, MeterRegistry registry, Clock clock) {
        this.config = config.rateLimit();
        // registered at once, so that the series exist (at 0) before the first rejection
        this.limitedAddresses = registry.counter("rapport.public.rate.limited", "scope", "address");
        this.limitedLinks = registry.counter("rapport.public.rate.limited", "scope", "token");
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .clientClock(timeMeter(clock))
                .table("public_rate_limit").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                // a row may go once its bucket has refilled: a full bucket and no bucket are the same
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    /** Takes one request from the address's and the token's buckets; {@link TooManyRequests} when either is empty. */
    public void acquire(String address, String token) {
        take("address:" + (address == null ? "unknown" : address), config.perAddress(), limitedAddresses,
                "from your address");
        // keyed by the token's hash: fixed size whatever was sent, and no working link stored
        take("token:" + SurveyTokens.hash(token == null ? "" : token), config.perToken(), limitedLinks,
                "for this survey link");
    }

    /** Deletes the rows of buckets that have refilled, on every replica (deleting one twice changes nothing). */
    @Scheduled(every = "5m", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetFullBuckets() {
        while (buckets.removeExpired(FORGET_BATCH) == FORGET_BATCH) {
            // more may have expired: go on until a batch comes back short
        }
    }

    private void take(String key, FeedbackConfig.Bucket limit, Counter rejections, String phrase) {
        ConsumptionProbe probe = buckets.builder().build(key, () -> configuration(limit))
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            rejections.increment();
            long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw new TooManyRequests("Too many requests " + phrase + "; retry in " + retryAfter + " s", retryAfter);
        }
    }

    /** The buckets' time is the service's clock (the replicas' clocks are assumed in step, as NTP keeps them). */
    private static TimeMeter timeMeter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    private static BucketConfiguration configuration(FeedbackConfig.Bucket limit) {
        return BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build();
    }
}
