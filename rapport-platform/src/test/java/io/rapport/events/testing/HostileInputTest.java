package io.rapport.events.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rapport.rest.testing.ServedContractFilter;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Drives every operation of the service's own OpenAPI document with hostile input: path and query values with a NUL,
 * bytes that are not UTF-8, numbers out of range, malformed escapes; bodies that are not JSON, not objects, nested
 * thousands deep, larger than the service accepts, with a NUL or a value of the wrong type in each field of an
 * otherwise valid body. Whatever the input, the service answers without a server error, every 4xx is problem+json,
 * and nothing is written. A service's test extends it with @QuarkusTest.
 */
public abstract class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WRITES = List.of("post", "put", "patch", "delete");

    @Inject
    EntityManager entityManager;

    /**
     * Values of path parameters that name existing resources, so that bodies and queries reach the service's logic:
     * by parameter name, or by {@code "/path/{template}#name"} where one name means different resources.
     */
    protected abstract Map<String, String> existingPathValues();

    /**
     * Valid bodies of operations, by {@code "METHOD /path/{template}"}: each field is in turn replaced by a hostile
     * value, the rest of the body staying valid.
     */
    protected abstract Map<String, String> validBodies();

    /** The caller: the rep who owns the resources of {@link #existingPathValues()}. */
    protected String authorization() {
        return TestTokens.bearer(OWNER, "rep");
    }

    /** The owner of the resources the subclass creates. */
    protected static final String OWNER = "hostile-rep";

    /** Tables that something other than the API writes meanwhile (a projection fed by events of other tests). */
    protected List<String> tablesWrittenInTheBackground() {
        return List.of();
    }

    private final List<String> failures = new ArrayList<>();
    private final List<String> accepted = new ArrayList<>();
    private RawHttp http;

    @Test
    void noInputIsAServerErrorOrWritesAnything() throws IOException {
        http = new RawHttp(URI.create(RestAssured.baseURI).getHost(), RestAssured.port);
        JsonNode document = JSON.readTree(http.send("GET", "/q/openapi?format=json", Map.of(), null).body());
        String before = fingerprint();
        int sent = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getValue().isObject() && !op.getKey().equals("parameters")) {
                    sent += attack(document, op.getKey(), path.getKey(), path.getValue(), op.getValue());
                }
            }
        }
        sent += attackWholeRequests();
        assertThat(failures).as("answers to hostile input (of %d requests)", sent).isEmpty();
        assertThat(fingerprint()).as("what the database holds, after the hostile requests; writes answered 2xx: %s",
                accepted).isEqualTo(before);
    }

    private int attack(JsonNode document, String method, String template, JsonNode pathItem, JsonNode operation)
            throws IOException {
        boolean write = WRITES.contains(method);
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (JsonNode parameter : parameters) {
            if (parameter.path("in").asText().equals("path")) {
                String name = parameter.path("name").asText();
                Map<String, String> existing = existingPathValues();
                pathValues.put(name, existing.getOrDefault(template + "#" + name,
                        existing.getOrDefault(name, UUID.randomUUID().toString())));
            }
        }
        String mediaType = requestMediaType(operation);
        String validBody = validBodies().get(method.toUpperCase() + " " + template);
        int sent = 0;
        for (String name : pathValues.keySet()) {
            for (String hostile : MUST_FAIL_VALUES) {
                Map<String, String> values = new LinkedHashMap<>(pathValues);
                values.put(name, hostile);
                sent += expectClientError(method, expand(template, values), mediaType, validBody);
            }
            for (String odd : write ? List.<String>of() : ODD_PATH_VALUES) {
                Map<String, String> values = new LinkedHashMap<>(pathValues);
                values.put(name, odd);
                sent += expect(method, expand(template, values), mediaType, null);
            }
        }
        String target = expand(template, pathValues);
        for (JsonNode parameter : parameters) {
            if (!parameter.path("in").asText().equals("query")) {
                continue;
            }
            String name = parameter.path("name").asText();
            for (String hostile : MUST_FAIL_VALUES) {
                sent += expectClientError(method, target + "?" + name + "=" + hostile, mediaType, validBody);
            }
            for (String odd : write ? List.<String>of() : ODD_QUERY_VALUES) {
                sent += expect(method, target + "?" + name + "=" + odd, mediaType, null);
            }
            if (!write && parameter.path("schema").path("type").asText().equals("integer")) {
                // a number that is none, or too large for its type, is the client's mistake: 400, not JAX-RS's 404
                for (String notAnInteger : List.of("abc", "1e3", "2147483648", "")) {
                    RawHttp.Response response = send(method, target + "?" + name + "=" + notAnInteger, null, null);
                    if (response.status() != 400 && !(notAnInteger.isEmpty() && response.status() < 300)) {
                        failures.add(describe(method, target + "?" + name + "=" + notAnInteger, response)
                                + " (expected 400)");
                    }
                    sent++;
                }
            }
        }
        if (mediaType != null && mediaType.contains("json")) {
            // an operation whose body is optional (fulfilling a commitment now) may take none: null, or nothing at all
            boolean bodyRequired = operation.path("requestBody").path("required").asBoolean(false);
            for (byte[] body : HOSTILE_BODIES) {
                if (bodyRequired || !(body.length == 0 || new String(body, StandardCharsets.UTF_8).equals("null"))) {
                    sent += expect(method, target, mediaType, body);
                }
            }
            if (validBody != null) {
                for (String body : hostileVariants(validBody)) {
                    sent += expect(method, target, mediaType, body.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return sent;
    }

    /** What is wrong with the request as a whole: its target, its size. */
    private int attackWholeRequests() throws IOException {
        String anyApi = "/api/v1/" + UUID.randomUUID();
        expect("GET", "/api/v1/%00", null, null);
        byte[] tooLarge = ("{\"name\": \"" + "x".repeat(11 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        expect("POST", anyApi, "application/json", tooLarge);
        expectClientError("GET", anyApi + "?cursor=%%%", null, null);
        expectClientError("GET", anyApi + "?limit=%zz", null, null);
        expectClientError("GET", "/api/v1/a%zzb", null, null);
        // The HTTP codec (Netty, in Vert.x) refuses a request line longer than 4 KB with a bare 414, before any code
        // of Quarkus or Rapport runs and without a hook to answer otherwise (quarkus#55082): only its status is
        // checked.
        Map<String, Integer> refusedByTheCodec = Map.of("/api/v1/" + "a".repeat(9_000), 414);
        refusedByTheCodec.forEach((target, status) -> {
            try {
                RawHttp.Response response = http.send("GET", target, Map.of("Authorization", authorization()), null);
                if (response.status() != status) {
                    failures.add(describe("GET", target, response) + " (expected " + status + ")");
                }
            } catch (IOException e) {
                failures.add("GET " + target + ": " + e);
            }
        });
        return 7;
    }

    private int expectClientError(String method, String target, String mediaType, String body) throws IOException {
        RawHttp.Response response = send(method, target, mediaType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        if (response.status() < 400) {
            failures.add(describe(method, target, response) + " (expected a client error)");
        }
        return 1;
    }

    private int expect(String method, String target, String mediaType, byte[] body) throws IOException {
        send(method, target, mediaType, body);
        return 1;
    }

    private RawHttp.Response send(String method, String target, String mediaType, byte[] body) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization());
        headers.put("Accept", "application/json, application/problem+json");
        headers.put("If-Match", "\"0\"");
        if (mediaType != null) {
            headers.put("Content-Type", mediaType);
        }
        String httpMethod = method.toUpperCase();
        RawHttp.Response response = http.send(httpMethod, target, headers, body == null && mediaType != null
                ? new byte[0] : body);
        if (response.status() < 300 && WRITES.contains(method.toLowerCase())) {
            accepted.add(describe(httpMethod, target, response) + " <- " + (body == null ? ""
                    : new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8)));
        }
        if (response.status() >= 500) {
            failures.add(describe(httpMethod, target, response));
        } else if (response.status() >= 400 && !response.contentType().startsWith("application/problem+json")) {
            failures.add(describe(httpMethod, target, response) + " (not problem+json)");
        } else {
            // the answer, hostile input or not, is one the served document describes
            List<String> undocumented = ServedContractFilter.violations(origin(), httpMethod, rawPath(target),
                    response.status(), response.contentType(), response.headers(), response.body());
            if (!undocumented.isEmpty()) {
                failures.add(describe(httpMethod, target, response) + " (not as documented: " + undocumented + ")");
            }
        }
        return response;
    }

    private static String origin() {
        URI base = URI.create(RestAssured.baseURI);
        return base.getScheme() + "://" + base.getHost() + ":" + RestAssured.port;
    }

    private static String rawPath(String target) {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    private static String describe(String method, String target, RawHttp.Response response) {
        String shown = target.length() > 120 ? target.substring(0, 120) + "…" : target;
        String body = response.body().length() > 300 ? response.body().substring(0, 300) + "…" : response.body();
        return method.toUpperCase() + " " + shown + " -> " + response.status() + " " + response.contentType() + " "
                + body;
    }

    private static String requestMediaType(JsonNode operation) {
        Iterator<String> types = operation.path("requestBody").path("content").fieldNames();
        return types.hasNext() ? types.next() : null;
    }

    private static String expand(String template, Map<String, String> values) {
        String target = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            target = target.replace("{" + value.getKey() + "}", value.getValue());
        }
        return target;
    }

    /** The valid body with, in turn, each field holding a NUL, a value of the wrong type, or nothing valid at all. */
    private static List<String> hostileVariants(String validBody) throws IOException {
        JsonNode valid = JSON.readTree(validBody);
        List<String> variants = new ArrayList<>();
        forEachLeaf(valid, leaf -> {
            if (leaf.value().isTextual()) {
                variants.add(replaced(valid, leaf, JsonNodeFactory.instance.textNode("a\u0000b")));
                variants.add(replaced(valid, leaf, JsonNodeFactory.instance.numberNode(1e308)));
            }
            variants.add(replaced(valid, leaf, JsonNodeFactory.instance.objectNode().put("nested", "\u0000")));
            variants.add(replaced(valid, leaf, JsonNodeFactory.instance.arrayNode().add("\u0000")));
        });
        return variants;
    }

    private record Leaf(JsonNode parent, String field, int index, JsonNode value) {
    }

    private static void forEachLeaf(JsonNode node, Consumer<Leaf> action) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getValue().isContainerNode()) {
                    forEachLeaf(field.getValue(), action);
                }
                action.accept(new Leaf(node, field.getKey(), -1, field.getValue()));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isContainerNode()) {
                    forEachLeaf(node.get(i), action);
                } else {
                    action.accept(new Leaf(node, null, i, node.get(i)));
                }
            }
        }
    }

    private static String replaced(JsonNode root, Leaf leaf, JsonNode replacement) {
        JsonNode original = leaf.value();
        set(leaf, replacement);
        String body = root.toString();
        set(leaf, original);
        return body;
    }

    private static void set(Leaf leaf, JsonNode value) {
        if (leaf.field() != null) {
            ((ObjectNode) leaf.parent()).set(leaf.field(), value);
        } else {
            ((ArrayNode) leaf.parent()).set(leaf.index(), value);
        }
    }

    /**
     * A fingerprint of every row of the service's tables but the event plumbing (the outbox drains by itself, the
     * inbox records what consumers receive): any insert, update or delete changes it.
     */
    private String fingerprint() {
        List<String> skipped = new ArrayList<>(List.of("flyway_schema_history", "outbox_event", "processed_event"));
        skipped.addAll(tablesWrittenInTheBackground());
        @SuppressWarnings("unchecked")
        List<String> tables = entityManager.createNativeQuery(
                "select tablename from pg_tables where schemaname = current_schema() order by tablename")
                .getResultList();
        StringBuilder fingerprint = new StringBuilder();
        for (String table : tables) {
            if (!skipped.contains(table)) {
                Object sum = entityManager.createNativeQuery("select count(*) || ':' || coalesce(sum(hashtext(t::text)"
                        + "::bigint), 0) from \"" + table + "\" t").getSingleResult();
                fingerprint.append(table).append('=').append(sum).append('\n');
            }
        }
        return fingerprint.toString();
    }

    /** Values no path or query parameter accepts: PostgreSQL cannot store a NUL. */
    private static final List<String> MUST_FAIL_VALUES = List.of("%00", "a%00b",
            URLEncoder.encode("{\"\u0000\":1}", StandardCharsets.UTF_8));

    /** Path values some parameters accept (an owner's id is free text), that none may answer with a server error. */
    private static final List<String> ODD_PATH_VALUES = List.of("%FF%FE", "%C0%80", "x".repeat(3_000),
            "..%2F..%2Fetc", "-1", "null", "%20");

    /** Values some parameters accept (free text), that none may answer with a server error. */
    private static final List<String> ODD_QUERY_VALUES = List.of("abc", "1e3", "2147483648", "-1", "0", "%FF%FE",
            "x".repeat(3_000), "%E2%80%AE", "9999-99-99T99:99:99Z",
            // a cursor of this API's shape whose sort value is not what the sort order expects, and one with a NUL
            cursor("not-a-time"), cursor("2026-01-01T00:00:00Z\u0000"), cursor("\u0000"));

    private static String cursor(String sortValue) {
        String raw = sortValue + '\n' + UUID.randomUUID();
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static final List<byte[]> HOSTILE_BODIES = List.of(
            bytes("[]"), bytes("42"), bytes("\"text\""), bytes("null"), bytes("{"), bytes("{\"a\": 1,}"),
            bytes("{\"a\": \"\\u0000\"}"), bytes(""), bytes("{}{}"),
            new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}' },
            bytes("{\"a\": " + "[".repeat(20_000) + "]".repeat(20_000) + "}"),
            bytes("{\"a\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}"),
            bytes("{\"a\": 1e999999999}"));

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
