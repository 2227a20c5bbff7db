package io.rapport.rest.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * The answers the platform gives any operation, whatever its annotations say: 404 for an id in the path that names
 * nothing the caller may see, 400 for a query parameter it does not read ({@code QueryParameterFilter}) or a
 * malformed body, 411 for a body without a length and 413 for one larger than the operation reads
 * ({@code BodyLimits}), 415 for a body of a
 * media type it does not take, 503 with Retry-After while something it needs is
 * away ({@code ServiceUnavailableMapper}: the database restarting, contacts-service unreachable).
 * {@link ProblemResponses} then gives them their problem+json schema, and {@link ResponseHeaders} the 503 its
 * Retry-After.
 */
final class PlatformResponses {

    private PlatformResponses() {
    }

    static void complete(String path, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().getAPIResponse("400") == null) {
            operation.getResponses().addAPIResponse("400", OASFactory.createAPIResponse()
                    .description("A query parameter the operation does not read (the problem names it)"));
        }
        if (path.contains("{") && operation.getResponses().getAPIResponse("404") == null) {
            operation.getResponses().addAPIResponse("404", OASFactory.createAPIResponse()
                    .description("Nothing the caller may see answers to the path's id"));
        }
        if (operation.getResponses().getAPIResponse("503") == null) {
            operation.getResponses().addAPIResponse("503", OASFactory.createAPIResponse()
                    .description("Something the service needs (its database, another service) cannot answer right "
                            + "now; try again after Retry-After"));
        }
        if (operation.getRequestBody() != null && readsWhole(operation)
                && operation.getResponses().getAPIResponse("411") == null) {
            operation.getResponses().addAPIResponse("411", OASFactory.createAPIResponse()
                    .description("The body came without a Content-Length (chunked), which this operation needs"));
        }
        if (operation.getRequestBody() != null && operation.getResponses().getAPIResponse("413") == null) {
            operation.getResponses().addAPIResponse("413", OASFactory.createAPIResponse()
                    .description("The body is larger than the operation reads (the problem says the limit); it was "
                            + "not read"));
        }
        if (operation.getRequestBody() != null && operation.getResponses().getAPIResponse("415") == null) {
            operation.getResponses().addAPIResponse("415", OASFactory.createAPIResponse()
                    .description("The body is not of a media type the operation takes"));
        }
    }

    /** A JSON or form body, read whole and so needing its length; a streamed upload (CSV, NDJSON) does not. */
    private static boolean readsWhole(Operation operation) {
        return operation.getRequestBody().getContent() == null
                || operation.getRequestBody().getContent().getMediaTypes().keySet().stream()
                        .anyMatch(type -> type.contains("json") && !type.contains("ndjson") || type.contains("form"));
    }
}
