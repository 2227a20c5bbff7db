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
        String refusal = StoredText.refusal(path);
        if (refusal != null) {
            return problem("", "path", "The path", refusal);
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            refusal = firstRefusal(parameter.getKey(), parameter.getValue());
            if (refusal != null) {
                String name = printable(parameter.getKey());
                return problem(name, "query", "Query parameter '" + name + "'", refusal);
            }
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            refusal = firstRefusal("", header.getValue());
            if (refusal != null) {
                return problem(header.getKey(), "header", "Header '" + header.getKey() + "'", refusal);
            }
        }
        return null;
    }

    private static String firstRefusal(String name, List<String> values) {
        String refusal = StoredText.refusal(name);
        for (int i = 0; refusal == null && i < values.size(); i++) {
            refusal = StoredText.refusal(values.get(i));
        }
        return refusal;
    }

    private static String printable(String name) {
        return name.replace("\u0000", "\\u0000");
    }

    private static Response problem(String field, String in, String subject, String refusal) {
        return HttpProblem.builder().withStatus(400).withTitle("Bad Request").withDetail(subject + " " + refusal)
                .with("violations", List.of(Map.of("field", field, "in", in, "message", refusal)))
                .build().toResponse();
    }
}
