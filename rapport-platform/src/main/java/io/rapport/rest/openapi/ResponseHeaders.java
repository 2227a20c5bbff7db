package io.rapport.rest.openapi;

import java.math.BigDecimal;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.rapport.rest.idempotency.IdempotencyKeys;

/**
 * Documents the headers the services send by rule, where the platform sends them, rather than on each of the
 * operations: the ETag of a resource with a version (a 2xx answering one, a 304, a 412 naming the current one), with
 * the 304 a read answers to an If-None-Match naming it (also where a read documents an ETag of its own, a view tagged
 * by its content); the Location of what a 201 created; Idempotent-Replayed on what an operation taking an
 * Idempotency-Key answers; Retry-After on a 429 or a 503.
 */
final class ResponseHeaders {

    private static final String COMPONENT = "#/components/schemas/";
    private static final String RETRY_AFTER = "Seconds to wait before trying again";
    private static final String CONTENT_TAG = "A strong entity tag of this representation's content: send it in "
            + "If-None-Match to revalidate a copy (304 while unchanged)";

    private ResponseHeaders() {
    }

    static void complete(Operation operation, String method, Map<String, Schema> schemas) {
        APIResponses responses = operation.getResponses();
        if (responses == null || responses.getAPIResponses() == null) {
            return;
        }
        boolean idempotent = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && IdempotencyKeys.HEADER.equals(p.getName()));
        boolean versioned = false;
        for (Map.Entry<String, APIResponse> entry : Map.copyOf(responses.getAPIResponses()).entrySet()) {
            String code = entry.getKey();
            APIResponse response = entry.getValue();
            if (response.getRef() != null) {
                continue;
            }
            boolean success = code.startsWith("2");
            if (success && declares(response, "ETag")) {
                versioned = true; // a view tagged by its content (ContentTags)
                describeDeclared(response, "ETag", CONTENT_TAG, string());
            }
            if (success && carriesVersion(response, schemas)) {
                versioned = true;
                add(response, "ETag", "The version of what is answered, as a strong entity tag (\"3\"): send it "
                        + "back in If-Match to change it, or in If-None-Match to revalidate a copy", string());
            }
            if (code.equals("412")) {
                add(response, "ETag", "The current version", string());
            }
            if (code.equals("201")) {
                add(response, "Location", "Where what was created is", string().format("uri-reference"));
            }
            if (success && idempotent) {
                add(response, "Idempotent-Replayed", "true when this is the stored answer to an earlier request "
                        + "with the same Idempotency-Key, nothing being done again", string().addEnumeration("true"));
            }
            if (code.equals("429") || code.equals("503")) {
                add(response, "Retry-After", RETRY_AFTER, seconds());
            }
            describeDeclared(response, "Retry-After", RETRY_AFTER, seconds());
        }
        if (versioned && "GET".equals(method) && responses.getAPIResponse("304") == null) {
            APIResponse notModified = OASFactory.createAPIResponse()
                    .description("Not Modified: the version named in If-None-Match is the current one");
            add(notModified, "ETag", "The current version", string());
            responses.addAPIResponse("304", notModified);
        }
    }

    /** Whether a response's JSON body is an object with a version: a resource that sends its ETag. */
    private static boolean carriesVersion(APIResponse response, Map<String, Schema> schemas) {
        if (response.getContent() == null || response.getContent().getMediaType("application/json") == null) {
            return false;
        }
        Schema schema = response.getContent().getMediaType("application/json").getSchema();
        if (schema != null && schema.getRef() != null && schema.getRef().startsWith(COMPONENT)) {
            schema = schemas.get(schema.getRef().substring(COMPONENT.length()));
        }
        return schema != null && schema.getProperties() != null && schema.getProperties().containsKey("version");
    }

    private static boolean declares(APIResponse response, String header) {
        return response.getHeaders() != null
                && response.getHeaders().keySet().stream().anyMatch(name -> name.equalsIgnoreCase(header));
    }

    /**
     * A header an operation documents itself, by name alone, gets the schema and description the platform gives it
     * elsewhere: a Retry-After is a number of seconds, an ETag of a view without a version is its content's tag.
     */
    private static void describeDeclared(APIResponse response, String headerName, String description,
            Schema schema) {
        if (response.getHeaders() == null) {
            return;
        }
        response.getHeaders().forEach((name, header) -> {
            if (name.equalsIgnoreCase(headerName) && header.getRef() == null && header.getSchema() == null) {
                header.setSchema(schema);
                if (header.getDescription() == null) {
                    header.setDescription(description);
                }
            }
        });
    }

    private static Schema seconds() {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ZERO);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static void add(APIResponse response, String name, String description, Schema schema) {
        if (declares(response, name)) {
            return;
        }
        Header header = OASFactory.createHeader().description(description).schema(schema);
        response.addHeader(name, header);
    }
}
