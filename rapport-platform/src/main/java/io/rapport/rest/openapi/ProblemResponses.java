package io.rapport.rest.openapi;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.rapport.rest.ProblemMember;
import jakarta.ws.rs.core.Response;

/**
 * Completes what the operations' annotations leave implicit, so that each documented response says what it is and
 * what it carries: a problem response (4xx, 5xx) is problem+json with its schema (a 400 or 422 with the
 * {@code violations} it lists), and a response without a description gets its status's. The problem schemas name
 * the members Rapport's problems may carry beyond RFC 9457's ({@link ProblemMember}).
 */
final class ProblemResponses {

    private static final String PROBLEM_JSON = "application/problem+json";
    /** The problem extension's schemas: any problem, and one that lists the offending fields. */
    static final String PROBLEM_SCHEMA = "HttpProblem";
    static final String VALIDATION_PROBLEM_SCHEMA = "HttpValidationProblem";
    private static final String PROBLEM = "#/components/schemas/" + PROBLEM_SCHEMA;
    private static final String VALIDATION_PROBLEM = "#/components/schemas/" + VALIDATION_PROBLEM_SCHEMA;

    private ProblemResponses() {
    }

    static void complete(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> entry : operation.getResponses().getAPIResponses().entrySet()) {
            int status = status(entry.getKey());
            APIResponse response = entry.getValue();
            if (response.getRef() != null) {
                continue;
            }
            if (response.getDescription() == null || response.getDescription().isBlank()) {
                Response.Status known = Response.Status.fromStatusCode(status);
                response.setDescription(known != null ? known.getReasonPhrase()
                        : status == 422 ? "Unprocessable Content"
                        : status == 428 ? "Precondition Required" : "Response");
            }
            if (status >= 400) {
                describeProblem(response, status);
            }
        }
    }

    /** Adds Rapport's own problem members to the problem schemas, as optional members. */
    static void describeMembers(Map<String, Schema> schemas) {
        for (String name : new String[] { PROBLEM_SCHEMA, VALIDATION_PROBLEM_SCHEMA }) {
            Schema problem = schemas.get(name);
            if (problem == null) {
                continue;
            }
            for (ProblemMember member : ProblemMember.values()) {
                problem.addProperty(member.member(), OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .format(member.format()).description(member.description()));
            }
        }
    }

    private static void describeProblem(APIResponse response, int status) {
        if (response.getContent() == null) {
            response.setContent(OASFactory.createContent());
        }
        MediaType problem = response.getContent().getMediaType(PROBLEM_JSON);
        if (problem == null) {
            problem = OASFactory.createMediaType();
            response.getContent().addMediaType(PROBLEM_JSON, problem);
        }
        if (problem.getSchema() == null) {
            // a 400 or 422 names each offending field; other problems carry no list
            problem.setSchema(OASFactory.createSchema().ref(status == 400 || status == 422 ? VALIDATION_PROBLEM
                    : PROBLEM));
        }
    }

    private static int status(String code) {
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return 0; // "default"
        }
    }
}
