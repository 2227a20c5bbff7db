package io.rapport.rest.input;

import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * Refuses, before any resource sees it, a request whose path, query string or headers decode to text Rapport could
 * not store ({@link StoredText}), with a 400 that names the part. Bodies are checked where they are read ({@link StrictJsonCustomizer}).
 */
public class StoredTextRequestFilter {

    @ServerRequestFilter(preMatching = true)
    public Response refuseUnstorableText(ContainerRequestContext request) {
        // a query string that is not valid percent-encoding never gets here: the HTTP codec refuses it (a bare 400)
        String path = request.getUriInfo().getPath();
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        if (!StoredText.storable(path)) {
            return problem("", "path", "The path " + StoredText.REFUSAL);
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (!StoredText.storable(parameter.getKey()) || !parameter.getValue().stream().allMatch(StoredText::storable)) {
                return problem(printable(parameter.getKey()), "query", "Query parameter '" + printable(parameter.getKey())
                        + "' " + StoredText.REFUSAL);
            }
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            if (!header.getValue().stream().allMatch(StoredText::storable)) {
                return problem(header.getKey(), "header", "Header '" + header.getKey() + "' " + StoredText.REFUSAL);
            }
        }
        return null;
    }

    private static String printable(String name) {
        return name.replace("\u0000", "\\u0000");
    }

    private static Response problem(String field, String in, String detail) {
        return HttpProblem.builder().withStatus(400).withTitle("Bad Request").withDetail(detail)
                .with("violations", List.of(Map.of("field", field, "in", in, "message", StoredText.REFUSAL)))
                .build().toResponse();
    }
}
