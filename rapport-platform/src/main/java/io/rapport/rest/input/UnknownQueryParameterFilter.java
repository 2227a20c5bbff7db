package io.rapport.rest.input;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * Refuses a query parameter the operation does not read, with a 400 naming it: a misspelt filter ({@code ?q=} on a
 * list that has none, {@code ?contactID=}) answered as if it were absent returns the wrong data without a word.
 */
public class UnknownQueryParameterFilter {

    /** The query parameters each resource method reads, worked out once per method. */
    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Response refuseUnknownQueryParameters(ContainerRequestContext request, SimpleResourceInfo resource) {
        Set<String> given = request.getUriInfo().getQueryParameters().keySet();
        if (given.isEmpty() || resource == null || resource.getResourceClass() == null) {
            return null;
        }
        Set<String> reads = known.computeIfAbsent(method(resource), UnknownQueryParameterFilter::queryParameters);
        Set<String> unknown = given.stream().filter(name -> !reads.contains(name))
                .collect(Collectors.toCollection(TreeSet::new));
        if (unknown.isEmpty()) {
            return null;
        }
        String message = "is not a parameter of this operation" + (reads.isEmpty() ? ", which reads none"
                : " (it reads " + String.join(", ", new TreeSet<>(reads)) + ")");
        return HttpProblem.builder().withStatus(400).withTitle("Bad Request")
                .withDetail("Unknown query parameter" + (unknown.size() > 1 ? "s " : " ")
                        + unknown.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", ")) + ": "
                        + message)
                .with("violations", unknown.stream()
                        .map(name -> Map.of("field", name, "in", "query", "message", message)).toList())
                .build().toResponse();
    }

    private static Method method(SimpleResourceInfo resource) {
        try {
            return resource.getResourceClass().getMethod(resource.getMethodName(), resource.parameterTypes());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("No resource method " + resource.getMethodName(), e);
        }
    }

    private static Set<String> queryParameters(Method method) {
        return Arrays.stream(method.getParameters()).map(UnknownQueryParameterFilter::queryParameter)
                .filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    private static String queryParameter(Parameter parameter) {
        QueryParam query = parameter.getAnnotation(QueryParam.class);
        return query == null ? null : query.value();
    }
}
