package io.rapport.events.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

/**
 * What every Rapport service offers from day one: readiness that checks PostgreSQL and Kafka, OpenAPI and Swagger
 * UI, Prometheus metrics, and no API without a valid bearer token. A service's test extends it with @QuarkusTest.
 */
public abstract class ServiceBaselineTest {

    /** A path of the service's API that needs a token. */
    protected abstract String protectedPath();

    @Test
    void readinessChecksDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void servesOpenApiAndSwaggerUi() {
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("openapi", containsString("3."));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void servesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void apiWithoutTokenIsUnauthorized() {
        given().when().get(protectedPath()).then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void apiWithForgedTokenIsUnauthorized() {
        String token = TestTokens.token("mallory", "admin");
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().header("Authorization", "Bearer " + forged).when().get(protectedPath())
                .then().statusCode(401).contentType("application/problem+json");
    }
}
