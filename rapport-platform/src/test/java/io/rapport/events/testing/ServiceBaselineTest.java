package io.rapport.events.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.rapport.security.VerifiedTokens;
import io.restassured.RestAssured;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.build.Jwt;

/**
 * What every Rapport service offers from day one: readiness that checks PostgreSQL and Kafka, OpenAPI and Swagger
 * UI, Prometheus metrics, and no API without a valid bearer token meant for Rapport. A service's test extends it with @QuarkusTest.
 */
public abstract class ServiceBaselineTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");

    /** A path of the service's API that needs a token. */
    protected abstract String protectedPath();

    /**
     * Readiness is the database's (and the consumers', which wait for it), not Kafka's: while the broker is away the
     * outbox keeps the events and the service takes writes. Whether the broker is reached is a gauge.
     */
    @Test
    void readinessChecksTheDatabaseAndKafkaIsAGauge() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Database connections health check"))
                .body("checks.name", everyItem(not(containsStringIgnoringCase("kafka"))));
        // 0 until the first check, which runs as the service starts
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/q/metrics").then()
                .statusCode(200).body(containsString("rapport_kafka_broker_reachable 1.0")));
    }

    /**
     * A statement that fails carries none of its values into the exception a log would print: neither the batch's
     * statement with its parameters nor the server's detail ("Key (v)=(...) already exists").
     */
    @Test
    void failingSqlCarriesNoValues() throws SQLException {
        String personal = "personal-" + UUID.randomUUID();
        DataSource dataSource = Arc.container().instance(DataSource.class).get();
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("create temporary table failing_sql (v text unique)");
            try (PreparedStatement insert = connection.prepareStatement("insert into failing_sql values (?)")) {
                for (int i = 0; i < 2; i++) {
                    insert.setString(1, personal);
                    insert.addBatch();
                }
                SQLException failure = Assertions.catchThrowableOfType(SQLException.class, insert::executeBatch);
                assertThat((Object) failure).as("a duplicate key").isNotNull();
                StringWriter printed = new StringWriter();
                for (SQLException next = failure; next != null; next = next.getNextException()) {
                    next.printStackTrace(new PrintWriter(printed));
                }
                assertThat(printed.toString()).contains("duplicate key").doesNotContain(personal);
            }
        }
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

    /**
     * Clients generated from the document name their methods after the operationIds: every operation has one, set
     * by hand (a renamed Java method must not rename a client's method), and no two are alike.
     */
    @Test
    void everyOperationHasItsOwnOperationId() {
        Map<String, Map<String, Map<String, Object>>> paths = given().when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> missing = new ArrayList<>();
        List<String> operationIds = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!HTTP_METHODS.contains(method)) {
                return;
            }
            Object operationId = operation.get("operationId");
            if (operationId == null) {
                missing.add(method.toUpperCase() + " " + path);
            } else {
                operationIds.add(operationId.toString());
            }
        }));
        assertThat(missing).as("operations without an operationId").isEmpty();
        assertThat(operationIds).as("operationIds").doesNotHaveDuplicates().isNotEmpty()
                .allMatch(id -> id.matches("[a-z][A-Za-z]+"), "lowerCamelCase");
    }

    /**
     * A merge patch (RFC 7396) is documented as what a client may send: the members of the resource's input, none
     * required, each nullable (null removes it), so that a generated client types a patch.
     */
    @Test
    void everyMergePatchBodyNamesItsMembersNoneRequiredEachNullable() throws IOException {
        JsonNode document = new ObjectMapper().readTree(given().when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        List<String> patches = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            if (path.getValue().path("patch").isMissingNode()) {
                return;
            }
            JsonNode body = path.getValue().path("patch").path("requestBody").path("content")
                    .path("application/merge-patch+json").path("schema");
            String ref = body.path("$ref").asText();
            assertThat(ref).as("the merge patch of %s", path.getKey()).startsWith("#/components/schemas/");
            JsonNode patch = document.at(ref.substring(1));
            assertThat(patch.path("required").isMissingNode()).as("%s requires nothing", ref).isTrue();
            assertThat(patch.path("properties").size()).as("%s names its members", ref).isPositive();
            patch.path("properties").fields().forEachRemaining(member -> assertThat(member.getValue().path("anyOf"))
                    .as("%s.%s is nullable", ref, member.getKey())
                    .anyMatch(alternative -> alternative.path("type").asText().equals("null")));
            patches.add(path.getKey());
        });
        assertThat(patches).as("the PATCH operations, each checked above").allMatch(path -> path.contains("{"));
    }

    /**
     * The served document passes the linters the authors of generated clients run, with the rulesets of
     * deploy/api-lint (installed there by deploy/local/rapport test): no error.
     */
    @Test
    void theOpenApiDocumentPassesSpectralAndRedocly() throws IOException, InterruptedException {
        Path lint = Path.of("..", "deploy", "api-lint").toAbsolutePath().normalize();
        Path bin = lint.resolve("node_modules").resolve(".bin");
        assertThat(bin.resolve("spectral")).as("the linters; deploy/local/rapport test installs them (npm ci in %s)",
                lint).exists();
        Path document = Files.createTempFile("openapi", ".json");
        try {
            Files.writeString(document, given().when().get("/q/openapi?format=json").then().statusCode(200)
                    .extract().asString());
            assertLintsClean(List.of(bin.resolve("spectral").toString(), "lint", "--ruleset",
                    lint.resolve(".spectral.yaml").toString(), "--fail-severity", "error", document.toString()));
            assertLintsClean(List.of(bin.resolve("redocly").toString(), "lint", "--config",
                    lint.resolve("redocly.yaml").toString(), document.toString()));
        } finally {
            Files.deleteIfExists(document);
        }
    }

    private static void assertLintsClean(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("%s finished", command.get(0)).isTrue();
        assertThat(process.exitValue()).as("%s:%n%s", command.get(0), output).isZero();
    }

    @Test
    void servesPrometheusMetrics() {
        given().header("Authorization", TestTokens.bearer("alice", "admin")).when().get(protectedPath());
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"))
                // latency as a histogram, so that PromQL can work out percentiles across pods
                .body(containsString("http_server_requests_seconds_bucket{"))
                // the outbox's backlog: events waiting to be published, and how long the oldest has waited
                .body(containsString("rapport_outbox_pending_events "))
                .body(containsString("rapport_outbox_oldest_age_seconds "));
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

    /** Tokens go through VerifiedTokens, and one it remembers lets no other signature through with its claims. */
    @Test
    void aRememberedTokenPassesOnlyWithItsOwnSignature() {
        assertThat(ClientProxy.unwrap(Arc.container().instance(JWTParser.class).get()))
                .isInstanceOf(VerifiedTokens.class);
        String token = TestTokens.token("mallory", "admin");
        given().header("Authorization", "Bearer " + token).when().get(protectedPath())
                .then().statusCode(is(not(401)));

        given().header("Authorization", "Bearer " + TestTokens.withForeignSignature(token))
                .when().get(protectedPath())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenMeantForAnotherApplicationIsUnauthorized() {
        String otherAudience = Jwt.issuer(TestTokens.ISSUER).audience("billing").subject("alice").upn("alice")
                .groups(Set.of("admin")).expiresIn(Duration.ofHours(1)).sign(TestTokens.PRIVATE_KEY);
        String noAudience = Jwt.issuer(TestTokens.ISSUER).subject("alice").upn("alice")
                .groups(Set.of("admin")).expiresIn(Duration.ofHours(1)).sign(TestTokens.PRIVATE_KEY);
        for (String token : List.of(otherAudience, noAudience)) {
            given().header("Authorization", "Bearer " + token).when().get(protectedPath())
                    .then().statusCode(401).contentType("application/problem+json");
        }
        given().header("Authorization", TestTokens.bearer("alice", "admin")).when().get(protectedPath())
                .then().statusCode(is(not(401)));
    }

    /** A query parameter the operation does not read is refused, not ignored: a misspelt filter must not list all. */
    @Test
    void anUnknownQueryParameterIs400NamingIt() {
        given().header("Authorization", TestTokens.bearer("alice", "admin")).queryParam("definitelyNotAFilter", "x")
                .when().get(protectedPath())
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'definitelyNotAFilter'"))
                .body("violations[0].field", is("definitelyNotAFilter"))
                .body("violations[0].in", is("query"));
    }

    /**
     * A browser app on an allowed origin may call the API: the preflight (sent without a token) is answered as the CORS
     * spec says, and the answer lets the app read the headers it needs. Another origin is refused. The tests allow
     * https://app.example.com; in production the list comes from RAPPORT_CORS_ORIGINS, empty by default.
     */
    @Test
    void aBrowserAppOnAnAllowedOriginMayCallTheApiAndNoOtherOrigin() {
        given().header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match,idempotency-key")
                .when().options(protectedPath())
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.example.com")
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"))
                .header("Access-Control-Max-Age", is("3600"));
        given().header("Origin", "https://app.example.com")
                .header("Authorization", TestTokens.bearer("alice", "admin")).when().get(protectedPath())
                .then().statusCode(is(not(401)))
                .header("Access-Control-Allow-Origin", "https://app.example.com")
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Location"))
                .header("Access-Control-Expose-Headers", containsString("Idempotent-Replayed"))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));

        given().header("Origin", "https://evil.example.net").header("Access-Control-Request-Method", "GET")
                .when().options(protectedPath())
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example.net")
                .header("Authorization", TestTokens.bearer("alice", "admin")).when().get(protectedPath())
                .then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
    }

    /**
     * Tens of thousands of requests (probes, the API with a token, the API without one) leave the process holding what
     * it held before: no socket, thread or heap is kept per request. The warm-up fills the pools (connections, worker
     * threads, caches) to the size the load needs, so what is measured after it is what the requests leave behind.
     */
    @Test
    void manyRequestsLeaveNoFileDescriptorsThreadsOrHeapBehind() throws InterruptedException {
        URI base = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        HttpRequest live = ResourceSoak.get(base.resolve("/q/health/live"));
        HttpRequest ready = ResourceSoak.get(base.resolve("/q/health/ready"));
        HttpRequest api = ResourceSoak.get(base.resolve(protectedPath()), "Authorization",
                TestTokens.bearer("soak", "manager"));
        HttpRequest noToken = ResourceSoak.get(base.resolve(protectedPath()));
        // mostly what Kubernetes and clients send all day; readiness (a database and a broker round trip) now and then
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            requests.addAll(List.of(live, api, noToken, api));
        }
        requests.add(ready);
        try (ResourceSoak soak = new ResourceSoak(12)) {
            assertThat(soak.send(2_000, requests)).as("failed requests while warming up").isZero();
            ResourceSoak.Usage before = ResourceSoak.usage();

            assertThat(soak.send(20_000, requests)).as("failed requests under load").isZero();

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                ResourceSoak.Usage after = ResourceSoak.usage();
                assertThat(after.fileDescriptors()).as("open file descriptors (before: %s)", before)
                        .isLessThanOrEqualTo(before.fileDescriptors() + 40);
                assertThat(after.threads()).as("threads (before: %s)", before)
                        .isLessThanOrEqualTo(before.threads() + 16);
                assertThat(after.heapBytes()).as("heap after a collection (before: %s)", before)
                        .isLessThanOrEqualTo(before.heapBytes() + 48L * 1024 * 1024);
            });
        }
    }
}
