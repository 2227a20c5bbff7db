package io.rapport.feedback.service;

import static io.rapport.feedback.testing.FeedbackApi.client;
import static io.rapport.feedback.testing.FeedbackApi.freshAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.test.junit.QuarkusTest;
import io.rapport.events.testing.Metrics;
import io.rapport.feedback.config.FeedbackConfig;
import jakarta.inject.Inject;

/**
 * The public endpoints' rate limits hold across replicas: a second limiter over the same database (what another
 * replica of the service runs) takes from the same buckets as the service answering HTTP here, so two replicas
 * together allow one limit, not two.
 */
@QuarkusTest
class PublicRateLimitAcrossReplicasTest {

    @Inject
    PublicRateLimiter served;

    @Inject
    FeedbackConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    private PublicRateLimiter anotherReplica() {
        return new PublicRateLimiter(config, dataSource, registry, clock);
    }

    @Test
    void twoReplicasEnforceOneLimitPerAddress() {
        PublicRateLimiter other = anotherReplica();
        String address = freshAddress();
        double limitedBefore = Metrics.sum("rapport_public_rate_limited_total", "scope=\"address\"");
        // the test profile allows 30 requests per hour per address: 15 through HTTP here, 15 on the other replica
        for (int i = 0; i < 15; i++) {
            client(address).when().get("/api/v1/public/surveys/" + new SurveyTokens().newToken()).then().statusCode(404);
            other.acquire(address, new SurveyTokens().newToken());
        }

        assertThatThrownBy(() -> other.acquire(address, new SurveyTokens().newToken()))
                .isInstanceOfSatisfying(HttpProblem.class, p -> {
                    assertThat(p.getStatusCode()).isEqualTo(429);
                    assertThat(p.getHeaders()).containsKey("Retry-After");
                });
        client(address).when().get("/api/v1/public/surveys/" + new SurveyTokens().newToken()).then().statusCode(429);
        assertThat(Metrics.sum("rapport_public_rate_limited_total", "scope=\"address\"") - limitedBefore)
                .as("rejections counted").isEqualTo(2);
        // another address is not affected, on either replica
        other.acquire(freshAddress(), new SurveyTokens().newToken());
        client(freshAddress()).when().get("/api/v1/public/surveys/" + new SurveyTokens().newToken()).then().statusCode(404);
    }

    @Test
    void twoReplicasEnforceOneLimitPerLink() {
        PublicRateLimiter other = anotherReplica();
        String token = new SurveyTokens().newToken();
        // 6 requests per hour per link, from any address
        for (int i = 0; i < 3; i++) {
            served.acquire(freshAddress(), token);
            other.acquire(freshAddress(), token);
        }
        assertThatThrownBy(() -> served.acquire(freshAddress(), token)).isInstanceOf(HttpProblem.class);
        assertThatThrownBy(() -> other.acquire(freshAddress(), token)).isInstanceOf(HttpProblem.class);
    }

    @Test
    void bucketsThatHaveRefilledAreForgottenTheOthersKept() throws SQLException {
        String refilled = "refilled-" + UUID.randomUUID();
        String draining = "draining-" + UUID.randomUUID();
        served.acquire(refilled, new SurveyTokens().newToken());
        served.acquire(draining, new SurveyTokens().newToken());
        // Bucket4j stamps each row with the moment its bucket is full again (the server's time); for one of them,
        // that moment is an hour ago
        execute("update public_rate_limit set expires_at = expires_at - 3600000 where id = ?", "address:" + refilled);

        served.forgetFullBuckets();

        assertThat(bucketRows(refilled)).as("a full bucket's row").isZero();
        assertThat(bucketRows(draining)).as("a bucket still refilling").isEqualTo(1);
        served.acquire(refilled, new SurveyTokens().newToken()); // and a forgotten bucket starts full
    }

    private void execute(String sql, String id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private long bucketRows(String address) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("select count(*) from public_rate_limit where id = ?")) {
            count.setString(1, "address:" + address);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
