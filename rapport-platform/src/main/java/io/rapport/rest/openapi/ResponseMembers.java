package io.rapport.rest.openapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Says which members of a response body are always there: all of them. The services write every member of what
 * they answer, null or not, so each member of an object that only answers carry (never a request body) is
 * {@code required}; the ones that may be null say so on their record ({@code @Schema(nullable = true)}). The problem
 * schemas are the problem extension's, whose optional members are left out when empty, so they keep their own.
 * Also keeps the null alternative of a nullable reference: SmallRye writes the referenced schema's type beside
 * {@code anyOf: [$ref, {type: null}]}, which for an object excludes the null again.
 */
final class ResponseMembers {

    private static final String COMPONENT = "#/components/schemas/";

    private ResponseMembers() {
    }

    static void complete(OpenAPI openAPI, Iterable<Operation> operations) {
        Components components = openAPI.getComponents();
        Map<String, Schema> named = components == null || components.getSchemas() == null ? Map.of()
                : components.getSchemas();
        List<Schema> answered = new ArrayList<>();
        List<Schema> sent = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values()
                        .forEach(response -> addJsonSchemas(response.getContent(), answered));
            }
            if (operation.getRequestBody() != null) {
                addSchemas(operation.getRequestBody().getContent(), sent);
            }
        }
        Set<Schema> inRequests = reachable(sent, named);
        for (Schema schema : reachable(answered, named)) {
            if (!inRequests.contains(schema) && !isProblem(schema, named)) {
                requireEveryMember(schema);
            }
        }
        named.values().forEach(ResponseMembers::keepNullAlternatives);
    }

    private static void requireEveryMember(Schema schema) {
        if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return;
        }
        List<String> required = new ArrayList<>(schema.getProperties().keySet());
        schema.setRequired(required);
    }

    private static void keepNullAlternatives(Schema schema) {
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ResponseMembers::keepNullAlternative);
        }
        if (schema.getItems() != null) {
            keepNullAlternative(schema.getItems());
        }
    }

    private static void keepNullAlternative(Schema property) {
        if (property.getAnyOf() != null && property.getAnyOf().stream().anyMatch(ResponseMembers::isNullType)
                && property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.setType(null); // anyOf says it all: the referenced schema, or null
        }
        if (property.getItems() != null) {
            keepNullAlternative(property.getItems());
        }
    }

    private static boolean isNullType(Schema schema) {
        return schema.getType() != null && schema.getType().size() == 1
                && schema.getType().get(0) == Schema.SchemaType.NULL;
    }

    private static boolean isProblem(Schema schema, Map<String, Schema> named) {
        return schema == named.get("HttpProblem") || schema == named.get("HttpValidationProblem");
    }

    /**
     * The schemas of the JSON bodies: an NDJSON stream's lines (the contact import's) leave out what is empty, and
     * keep their own description.
     */
    private static void addJsonSchemas(Content content, List<Schema> into) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().forEach((type, media) -> {
                if (media.getSchema() != null && (type.equals("application/json") || type.endsWith("+json"))) {
                    into.add(media.getSchema());
                }
            });
        }
    }

    private static void addSchemas(Content content, List<Schema> into) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().stream().filter(type -> type.getSchema() != null)
                    .forEach(type -> into.add(type.getSchema()));
        }
    }

    /** Every object schema reachable from {@code roots}: through references, members, items and compositions. */
    private static Set<Schema> reachable(List<Schema> roots, Map<String, Schema> named) {
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Schema> pending = new ArrayList<>(roots);
        while (!pending.isEmpty()) {
            Schema schema = pending.remove(pending.size() - 1);
            if (schema == null || !seen.add(schema)) {
                continue;
            }
            if (schema.getRef() != null && schema.getRef().startsWith(COMPONENT)) {
                pending.add(named.get(schema.getRef().substring(COMPONENT.length())));
            }
            if (schema.getProperties() != null) {
                pending.addAll(schema.getProperties().values());
            }
            pending.add(schema.getItems());
            pending.add(schema.getAdditionalPropertiesSchema());
            for (List<Schema> composed : List.of(nullSafe(schema.getAllOf()), nullSafe(schema.getAnyOf()),
                    nullSafe(schema.getOneOf()))) {
                pending.addAll(composed);
            }
        }
        return seen;
    }

    private static List<Schema> nullSafe(List<Schema> schemas) {
        return schemas == null ? List.of() : schemas;
    }
}
