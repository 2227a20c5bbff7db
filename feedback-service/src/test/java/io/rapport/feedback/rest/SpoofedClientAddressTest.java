package io.rapport.feedback.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rapport.feedback.testing.FeedbackApi;
import io.restassured.response.Response;

/**
 * Deployed as by default, trusting no proxy: a client that names another address in X-Forwarded-For for every request
 * is still one client, limited like one (the public endpoints' per-address limit).
 */
@QuarkusTest
@TestProfile(SpoofedClientAddressTest.NoTrustedProxy.class)
class SpoofedClientAddressTest {

    public static class NoTrustedProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "0.0.0.0/32"); // the default outside the tests
        }
    }

    @Test
    void aSpoofedForwardedAddressDoesNotEscapeTheRateLimit() {
        int capacity = 30; // %test.rapport.feedback.rate-limit.per-address.capacity
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < capacity + 10; i++) {
            Response response = given().header("X-Forwarded-For", FeedbackApi.freshAddress())
                    .when().get("/api/v1/public/surveys/" + UUID.randomUUID());
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) {
                assertThat(response.header("Retry-After")).isNotBlank();
            }
        }
        assertThat(statuses.subList(0, capacity)).containsOnly(404);
        assertThat(statuses.subList(capacity, statuses.size())).containsOnly(429);
    }
}
