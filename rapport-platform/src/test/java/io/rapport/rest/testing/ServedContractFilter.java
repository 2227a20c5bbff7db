package io.rapport.rest.testing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Checks every answer a test receives from a Rapport API against the OpenAPI document that service serves
 * ({@link ServedContract}), and fails the test at once when they disagree: so the documents cannot drift from what
 * the services do. Registered for every {@code @QuarkusTest} by {@link ServedContractCallback}; a test that
 * starts the services itself calls {@link #register()}.
 */
public final class ServedContractFilter implements OrderedFilter {

    private static final ServedContractFilter INSTANCE = new ServedContractFilter();

    private ServedContractFilter() {
    }

    /** From now on, every REST Assured request of this JVM is checked (once registered, it stays). */
    public static void register() {
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
        }
    }

    /**
     * What is wrong with an answer of the API served at {@code origin} (scheme, host and port), by the document it
     * serves: for a test that sends its requests otherwise than through REST Assured. Empty when it matches.
     */
    public static List<String> violations(String origin, String method, String rawPath, int status,
            String contentType, Map<String, String> headers, String body) {
        return ServedContract.of(origin).violations(method, rawPath, status, contentType, headers, body);
    }

    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE; // sees the answer as the test will
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (uri.getRawPath() == null || !uri.getRawPath().startsWith("/api/")) {
            return response; // health, metrics, the documents themselves, the survey pages
        }
        String origin = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
        Map<String, String> headers = new LinkedHashMap<>();
        response.getHeaders().forEach(header -> headers.put(header.getName(), header.getValue()));
        List<String> violations = violations(origin, request.getMethod(), uri.getRawPath(), response.getStatusCode(),
                response.getContentType(), headers, response.asString());
        if (!violations.isEmpty()) {
            String body = response.asString();
            throw new AssertionError(request.getMethod() + " " + uri.getRawPath() + " answered " + response.getStatusCode()
                    + " not as the served OpenAPI document says: " + violations + "\n"
                    + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body));
        }
        return response;
    }
}
