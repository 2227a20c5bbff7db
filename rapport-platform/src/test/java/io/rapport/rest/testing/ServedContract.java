package io.rapport.rest.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;

/**
 * The OpenAPI document a service serves ({@code /q/openapi}), as the oracle of every answer its API gives: the
 * operation is found by method and path, the answer's status must be one it documents, its body must match the
 * schema documented for its media type, and the headers clients rely on (ETag, Location, Idempotent-Replayed,
 * Retry-After) must be documented where they are sent. JSON Schema 2020-12 with the OpenAPI 3.1 dialect (networknt).
 */
final class ServedContract {

    private static final Set<String> CONTRACT_HEADERS = Set.of("etag", "location", "idempotent-replayed",
            "retry-after");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, ServedContract> BY_ORIGIN = new ConcurrentHashMap<>();

    private final String iri;
    private final JsonNode document;
    private final List<Route> routes = new ArrayList<>();
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER)
            .build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** A documented path, matched against request paths. */
    private record Route(String path, Pattern pattern, int templates) {
    }

    private ServedContract(String origin, String text) throws IOException {
        this.iri = origin + "/q/openapi.json";
        this.document = JSON.readTree(text);
        Iterator<String> paths = document.path("paths").fieldNames();
        while (paths.hasNext()) {
            String path = paths.next();
            String regex = Pattern.quote(path).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
            int templates = path.split("\\{", -1).length - 1;
            routes.add(new Route(path, Pattern.compile("^" + regex + "$"), templates));
        }
        // a literal segment wins over a template: /contacts/import before /contacts/{id}
        routes.sort(Comparator.comparingInt(Route::templates));
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.metaSchema(OpenApi31.getInstance())
                        .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                        .schemaLoaders(loaders -> loaders.schemas(Map.of(iri, text))));
    }

    /** The document served at {@code origin} (scheme, host and port), read once per origin. */
    static ServedContract of(String origin) {
        return BY_ORIGIN.computeIfAbsent(origin, ServedContract::read);
    }

    private static ServedContract read(String origin) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(origin
                    + "/q/openapi?format=json")).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + origin + "/q/openapi answered " + response.statusCode());
            }
            return new ServedContract(origin, response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the OpenAPI document of " + origin, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * What is wrong with the answer, by the document; empty when it matches. A request the document does not describe
     * (a path or method it does not have) must be refused: an operation that answers it otherwise is undocumented.
     * A CORS preflight (OPTIONS) is answered by the CORS layer, as the CORS protocol says, not by an operation.
     */
    List<String> violations(String method, String rawPath, int status, String contentType,
            Map<String, String> headers, String body) {
        if (method.equalsIgnoreCase("OPTIONS")) {
            return List.of();
        }
        Optional<Route> route = routes.stream().filter(r -> r.pattern().matcher(rawPath).matches()).findFirst();
        // a HEAD is answered as its GET, without the body
        String operationMethod = method.equalsIgnoreCase("HEAD") ? "get" : method.toLowerCase(Locale.ROOT);
        String operationPointer = route.map(r -> "/paths/" + escape(r.path()) + "/" + operationMethod).orElse(null);
        JsonNode operation = operationPointer == null ? MissingNode.getInstance() : document.at(operationPointer);
        if (operation.isMissingNode()) {
            return status < 400 ? List.of("the document has no operation " + method + " " + rawPath
                    + ", yet it answered " + status) : List.of();
        }
        JsonNode responses = operation.path("responses");
        String code = String.valueOf(status);
        String documented = responses.has(code) ? code
                : responses.has(code.charAt(0) + "XX") ? code.charAt(0) + "XX"
                : responses.has("default") ? "default" : null;
        if (documented == null) {
            return List.of("status " + status + " is not documented (documented: "
                    + iterable(responses.fieldNames()) + ")");
        }
        JsonNode response = resolve(responses.path(documented));
        List<String> violations = new ArrayList<>();
        Set<String> declaredHeaders = iterable(response.path("headers").fieldNames()).stream()
                .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        headers.keySet().stream().map(name -> name.toLowerCase(Locale.ROOT)).filter(CONTRACT_HEADERS::contains)
                .filter(name -> !declaredHeaders.contains(name)).sorted()
                .forEach(name -> violations.add("header " + name + " is sent but not documented"));
        if (body == null || body.isEmpty()) {
            return violations; // 204, 304, a HEAD: nothing to match
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode content = response.path("content");
        if (!content.has(mediaType)) {
            violations.add("a " + mediaType + " body is not documented (documented: "
                    + iterable(content.fieldNames()) + ")");
            return violations;
        }
        if (!mediaType.endsWith("json") || !content.path(mediaType).has("schema")) {
            return violations;
        }
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (IOException e) {
            violations.add("the " + mediaType + " body is not JSON");
            return violations;
        }
        String schemaPointer = responsePointer(operationPointer, documented, responses) + "/content/"
                + escape(mediaType) + "/schema";
        JsonSchema schema = schemas.computeIfAbsent(schemaPointer,
                pointer -> factory.getSchema(SchemaLocation.of(iri + "#" + pointer), config));
        for (ValidationMessage message : schema.validate(value)) {
            violations.add(message.getMessage());
        }
        return violations;
    }

    /** Where the response object is: in the operation, or in components when it is a reference. */
    private String responsePointer(String operationPointer, String code, JsonNode responses) {
        String reference = responses.path(code).path("$ref").asText();
        return reference.isEmpty() ? operationPointer + "/responses/" + escape(code) : reference.substring(1);
    }

    private JsonNode resolve(JsonNode node) {
        String reference = node.path("$ref").asText();
        return reference.isEmpty() ? node : document.at(reference.substring(1));
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
