package io.rapport.events.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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

    /**
     * Runs before each request: a service whose public endpoints are rate limited (which they are before reading
     * anything) empties its buckets here, so that every request reaches what it means to test.
     */
    protected void beforeEachRequest() {
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
        try (LogLines logged = LogLines.capture()) {
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
            // every free-text value sent carried the marker, through every failure above: none may reach a log
            assertThat(logged.containing(PERSONAL)).as("log lines holding text a client sent (of %d logged)",
                    logged.count()).isEmpty();
        }
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
                // a number that is none, or too large for its type, is the client's mistake: 400, not JAX-RS's 404;
                // an empty or signed one too, rather than the default or a number read generously
                for (String notAnInteger : List.of("abc", "1e3", "2147483648", "", "%2B5", "%205", "5.0")) {
                    RawHttp.Response response = send(method, target + "?" + name + "=" + notAnInteger, null, null);
                    if (response.status() != 400) {
                        failures.add(describe(method, target + "?" + name + "=" + notAnInteger, response)
                                + " (expected 400)");
                    }
                    sent++;
                }
            }
            String format = parameter.path("schema").path("format").asText();
            if (!write && (format.equals("date") || format.equals("date-time"))) {
                for (String unstorable : unstorableTimes(format)) {
                    String query = target + "?" + name + "=" + URLEncoder.encode(unstorable, StandardCharsets.UTF_8);
                    sent += expectNamed(method, query, mediaType, null, name, "query");
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
                JsonNode schema = resolve(document, operation.path("requestBody").path("content").path(mediaType)
                        .path("schema"));
                String marked = withPersonalMarker(document, schema, JSON.readTree(validBody)).toString();
                for (String body : hostileVariants(marked)) {
                    sent += expect(method, target, mediaType, body.getBytes(StandardCharsets.UTF_8));
                }
                for (NamedCase refused : refusedMembers(document, schema, JSON.readTree(marked))) {
                    sent += expectNamed(method, target, mediaType, refused.body(), refused.field(), "body");
                }
                sent += wholeBodyRefusals(method, target, mediaType, validBody);
            }
        }
        return sent;
    }

    /**
     * Stands for personal data: every free-text value of a body, and every odd path or query value, carries it, and
     * no line the service logs may.
     */
    private static final String PERSONAL = "personal-" + UUID.randomUUID();

    /** The body with the marker added to each text member its schema gives no format or enum (names, notes, tags). */
    private static JsonNode withPersonalMarker(JsonNode document, JsonNode schema, JsonNode body) {
        JsonNode resolved = resolve(document, schema);
        if (body instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> members = properties(document, resolved).fields();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                if (object.has(member.getKey())) {
                    object.set(member.getKey(), withPersonalMarker(document, member.getValue(),
                            object.get(member.getKey())));
                }
            }
        } else if (body instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, withPersonalMarker(document, resolved.path("items"), array.get(i)));
            }
        } else if (body.isTextual() && resolved.path("format").asText().isEmpty() && !resolved.has("enum")) {
            return JsonNodeFactory.instance.textNode(body.asText() + " " + PERSONAL);
        }
        return body;
    }

    /** Stands for the JSON escape of a lone surrogate until the body is written. */
    private static final String LONE_SURROGATE = "@lone-surrogate@";

    /** A body that must be refused with a 400 naming {@code field}. */
    private record NamedCase(String body, String field) {
    }

    /**
     * From the operation's request schema, as served: for each member of the valid body's objects, values its schema
     * refuses and Jackson or bean validation must refuse naming it: a date or time outside the years 0001-9999, text
     * one character over its maxLength or holding a lone surrogate, a fraction for a whole number, a number for an
     * enum, one element over an array's maxItems. A field added to a request is covered without a new test.
     */
    private static List<NamedCase> refusedMembers(JsonNode document, JsonNode schema, JsonNode validBody) {
        List<NamedCase> cases = new ArrayList<>();
        collectRefusedValues(document, schema, validBody, "", validBody, cases);
        return cases;
    }

    private static void collectRefusedValues(JsonNode document, JsonNode schema, JsonNode object, String path,
            JsonNode root, List<NamedCase> cases) {
        if (!(object instanceof ObjectNode here)) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> members = properties(document, schema).fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            String field = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
            JsonNode property = resolve(document, member.getValue());
            JsonNode original = here.get(member.getKey());
            for (JsonNode refused : refusedValues(document, property, original)) {
                here.set(member.getKey(), refused);
                // the escape itself: a Java string with a lone surrogate would be sent as '?'
                cases.add(new NamedCase(root.toString().replace(LONE_SURROGATE, "\\ud800"), field));
            }
            if (original == null) {
                here.remove(member.getKey());
            } else {
                here.set(member.getKey(), original);
            }
            if (original != null && original.isObject()) {
                collectRefusedValues(document, property, original, field, root, cases);
            } else if (original != null && original.isArray() && !original.isEmpty() && original.get(0).isObject()) {
                collectRefusedValues(document, resolve(document, property.path("items")), original.get(0),
                        field + "[0]", root, cases);
            }
        }
    }

    /** Values of one member that its schema refuses; {@code original} is the valid body's value, if any. */
    private static List<JsonNode> refusedValues(JsonNode document, JsonNode property, JsonNode original) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        List<JsonNode> refused = new ArrayList<>();
        String format = property.path("format").asText();
        if (hasType(property, "string") && (format.equals("date") || format.equals("date-time"))) {
            unstorableTimes(format).forEach(time -> refused.add(json.textNode(time)));
        } else if (hasType(property, "string") && property.has("enum")) {
            refused.add(json.numberNode(1));
        } else if (hasType(property, "string") && format.isEmpty()) {
            refused.add(json.textNode("a" + LONE_SURROGATE + "b"));
            if (property.has("maxLength")) {
                refused.add(json.textNode("x".repeat(property.path("maxLength").asInt() + 1)));
            }
        } else if (hasType(property, "integer")) {
            refused.add(json.numberNode(1.5));
        } else if (hasType(property, "array") && property.has("maxItems") && original != null && !original.isEmpty()) {
            ArrayNode tooMany = json.arrayNode();
            for (int i = 0; i <= property.path("maxItems").asInt(); i++) {
                tooMany.add(original.get(i % original.size()).deepCopy());
            }
            refused.add(tooMany);
        }
        return refused;
    }

    /** Refusals of the body as a whole: a member given twice, bytes that are not UTF-8. */
    private int wholeBodyRefusals(String method, String target, String mediaType, String validBody) throws IOException {
        JsonNode valid = JSON.readTree(validBody);
        if (!valid.isObject() || valid.isEmpty()) {
            return 0;
        }
        String first = valid.fieldNames().next();
        String twice = "{" + JSON.writeValueAsString(first) + ": " + valid.get(first) + ", " + validBody.strip()
                .substring(1);
        int sent = expectNamed(method, target, mediaType, twice, first, "body");
        // an overlong '/' (C0 AF), which a lenient decoder reads as '/'
        ByteArrayOutputStream notUtf8 = new ByteArrayOutputStream();
        notUtf8.writeBytes(("{" + JSON.writeValueAsString(first) + ": \"a").getBytes(StandardCharsets.UTF_8));
        notUtf8.write(0xC0);
        notUtf8.write(0xAF);
        notUtf8.writeBytes("b\"}".getBytes(StandardCharsets.UTF_8));
        byte[] body = notUtf8.toByteArray();
        RawHttp.Response response = send(method, target, mediaType, body);
        if (response.status() != 400 || !response.body().contains("not UTF-8")) {
            failures.add(describe(method, target, response) + " (expected 400: the body is not UTF-8)");
        }
        return sent + 1;
    }

    private static List<String> unstorableTimes(String format) {
        return format.equals("date") ? List.of("0000-12-31", "10000-01-01", "+300000-01-01", "-5000-01-01")
                : List.of("0000-12-31T23:59:59Z", "10000-01-01T00:00:00Z", "+300000-01-01T00:00:00Z",
                        "-5000-01-01T00:00:00Z", "+584554051-01-01T00:00:00Z");
    }

    /** Sends the request and expects a 400 whose violations (or, for a query parameter, detail) name the field. */
    private int expectNamed(String method, String target, String mediaType, String body, String field, String in)
            throws IOException {
        RawHttp.Response response = send(method, target, mediaType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        boolean named = false;
        if (response.status() == 400 && response.contentType().startsWith("application/problem+json")) {
            JsonNode problem = JSON.readTree(response.body());
            for (JsonNode violation : problem.path("violations")) {
                named |= violation.path("field").asText().equals(field);
            }
            named |= in.equals("query") && problem.path("detail").asText().contains("'" + field + "'");
        }
        if (!named) {
            String shown = body == null ? "" : " <- " + (body.length() > 160 ? body.substring(0, 160) + "…" : body);
            failures.add(describe(method, target, response) + " (expected a 400 naming " + in + " field '" + field
                    + "')" + shown);
        }
        return 1;
    }

    private static JsonNode properties(JsonNode document, JsonNode schema) {
        JsonNode resolved = resolve(document, schema);
        ObjectNode all = JsonNodeFactory.instance.objectNode();
        if (resolved.has("properties")) {
            all.setAll((ObjectNode) resolved.get("properties"));
        }
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            resolved.path(combined).forEach(part -> all.setAll((ObjectNode) properties(document, part)));
        }
        return all;
    }

    /** The schema a {@code $ref} points to, or the schema itself; a nullable {@code oneOf} of one schema is it. */
    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            String name = resolved.get("$ref").asText().substring("#/components/schemas/".length());
            resolved = document.path("components").path("schemas").path(name);
        }
        return resolved;
    }

    private static boolean hasType(JsonNode schema, String type) {
        JsonNode declared = schema.path("type");
        if (declared.isArray()) {
            for (JsonNode one : declared) {
                if (one.asText().equals(type)) {
                    return true;
                }
            }
            return false;
        }
        return declared.asText().equals(type);
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
        beforeEachRequest();
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
            "..%2F..%2Fetc", "-1", "null", "%20", PERSONAL);

    /** Values some parameters accept (free text), that none may answer with a server error. */
    private static final List<String> ODD_QUERY_VALUES = List.of(PERSONAL, "abc", "1e3", "2147483648", "-1", "0",
            "%FF%FE", "x".repeat(3_000), "%E2%80%AE", "9999-99-99T99:99:99Z",
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
