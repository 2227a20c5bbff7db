package io.rapport.rest.input;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * Refuses, with a 400 naming it, a query parameter the operation does not read: a misspelt filter ({@code ?q=} on a
 * list that has none, {@code ?contactID=}) answered as if it were absent returns the wrong data without a word. And
 * one given empty where the operation has a default for it ({@code ?limit=}): JAX-RS would quietly use the default,
 * which is not what the client wrote.
 */
public class QueryParameterFilter {

    /** The query parameters each resource method reads, with their defaults (null for none), worked out once. */
    private final Map<Method, Map<String, String>> known = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Response refuseUnknownOrEmptyParameters(ContainerRequestContext request, SimpleResourceInfo resource) {
        Map<String, List<String>> given = request.getUriInfo().getQueryParameters();
        if (given.isEmpty() || resource == null || resource.getResourceClass() == null) {
            return null;
        }
        Map<String, String> reads = known.computeIfAbsent(ResourceMethods.of(resource),
                QueryParameterFilter::queryParameters);
        Set<String> unknown = given.keySet().stream().filter(name -> !reads.containsKey(name))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            String message = "is not a parameter of this operation" + (reads.isEmpty() ? ", which reads none"
                    : " (it reads " + String.join(", ", new TreeSet<>(reads.keySet())) + ")");
            return problem("Unknown query parameter" + (unknown.size() > 1 ? "s " : " ") + quoted(unknown) + ": "
                    + message, unknown, message);
        }
        Set<String> emptyWithDefault = given.entrySet().stream()
                .filter(parameter -> reads.get(parameter.getKey()) != null && parameter.getValue().contains(""))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        if (!emptyWithDefault.isEmpty()) {
            String message = "is empty: leave it out for its default, or give a value";
            return problem("Query parameter" + (emptyWithDefault.size() > 1 ? "s " : " ") + quoted(emptyWithDefault)
                    + " " + message, emptyWithDefault, message);
        }
        return null;
    }

    private static Response problem(String detail, Set<String> names, String message) {
        return HttpProblem.builder().withStatus(400).withTitle("Bad Request").withDetail(detail)
                .with("violations", names.stream()
                        .map(name -> Map.of("field", name, "in", "query", "message", message)).toList())
                .build().toResponse();
    }

    private static String quoted(Set<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }

    /** Each query parameter the method reads, with its default value or null. */
    private static Map<String, String> queryParameters(Method method) {
        Map<String, String> parameters = new TreeMap<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                DefaultValue defaultValue = parameter.getAnnotation(DefaultValue.class);
                parameters.put(query.value(), defaultValue == null ? null : defaultValue.value());
            }
        }
        return parameters;
    }
}
