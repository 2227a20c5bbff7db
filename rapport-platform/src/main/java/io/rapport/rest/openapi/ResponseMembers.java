package io.rapport.rest.openapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Says which members of a response body are always there: all of them. The services write every member of what
 * they answer, null or not, so each member of an object that answers carry is {@code required}; the ones that may be
 * null say so on their record ({@code @Schema(nullable = true)}). An object that requests carry too (a contact's
 * email, an interaction's attachment) is optional in what a client sends, so answers get a copy of its own,
 * {@code <Name>View} (an input's without "Input"), where every member is required. The problem
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
        Map<String, String> views = answerViews(components, named, inRequests, reachable(answered, named));
        if (!views.isEmpty()) {
            pointAnswersAtViews(answered, named, views);
            named = components.getSchemas(); // with the copies
            inRequests = reachable(sent, named);
        }
        for (Schema schema : reachable(answered, named)) {
            if (!inRequests.contains(schema) && !isProblem(schema, named)) {
                requireEveryMember(schema);
            }
        }
        named.values().forEach(ResponseMembers::keepNullAlternatives);
    }

    /**
     * A copy, for answers, of each object schema that requests and answers share; its members are the same schema
     * objects. Returns the shared names and their copies' names.
     */
    private static Map<String, String> answerViews(Components components, Map<String, Schema> named,
            Set<Schema> inRequests, Set<Schema> inAnswers) {
        Map<String, String> views = new LinkedHashMap<>();
        for (Map.Entry<String, Schema> entry : new ArrayList<>(named.entrySet())) {
            Schema schema = entry.getValue();
            if (schema.getProperties() == null || schema.getProperties().isEmpty() || !inRequests.contains(schema)
                    || !inAnswers.contains(schema) || isProblem(schema, named)) {
                continue;
            }
            String name = entry.getKey();
            String view = SchemaNames.resourceOf(name) + "View";
            Schema copy = OASFactory.createSchema();
            copy.setAll(new LinkedHashMap<>(schema.getAll()));
            // its own member map, so that completing the copy never changes the request's schema (its required list
            // is replaced whole, by requireEveryMember)
            copy.setProperties(new LinkedHashMap<>(schema.getProperties()));
            SchemaNames.add(components, view, copy);
            views.put(name, view);
        }
        for (String name : views.keySet()) {
            // the copies hold the request schema's members as they are: one that reached another shared object
            // would lead answers back to the request's optional members
            Set<Schema> within = reachable(new ArrayList<>(named.get(name).getProperties().values()), named);
            views.keySet().stream().filter(other -> within.contains(named.get(other))).findFirst().ifPresent(other -> {
                throw new IllegalStateException("The answers' copy of " + name + " would lead to " + other
                        + ", which requests share: give the answers a type of their own for it");
            });
        }
        return views;
    }

    /** Points every reference of the answers' schemas at the answer's copy of a shared schema. */
    private static void pointAnswersAtViews(List<Schema> answered, Map<String, Schema> named,
            Map<String, String> views) {
        Set<Schema> shared = Collections.newSetFromMap(new IdentityHashMap<>());
        views.keySet().forEach(name -> shared.add(named.get(name)));
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Schema> pending = new ArrayList<>(answered);
        while (!pending.isEmpty()) {
            Schema schema = pending.remove(pending.size() - 1);
            if (schema == null || shared.contains(schema) || !seen.add(schema)) {
                continue;
            }
            String ref = schema.getRef();
            if (ref != null && ref.startsWith(COMPONENT)) {
                String view = views.get(ref.substring(COMPONENT.length()));
                if (view != null) {
                    schema.setRef(COMPONENT + view);
                    continue; // the copy holds the shared schema's members: nothing in it to repoint
                }
                pending.add(named.get(ref.substring(COMPONENT.length())));
            }
            children(schema, pending);
        }
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
        return schema == named.get(ProblemResponses.PROBLEM_SCHEMA)
                || schema == named.get(ProblemResponses.VALIDATION_PROBLEM_SCHEMA);
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
            children(schema, pending);
        }
        return seen;
    }

    /** The schemas a schema holds: its members, items and compositions. */
    private static void children(Schema schema, List<Schema> into) {
        if (schema.getProperties() != null) {
            into.addAll(schema.getProperties().values());
        }
        into.add(schema.getItems());
        into.add(schema.getAdditionalPropertiesSchema());
        for (List<Schema> composed : List.of(nullSafe(schema.getAllOf()), nullSafe(schema.getAnyOf()),
                nullSafe(schema.getOneOf()))) {
            into.addAll(composed);
        }
    }

    private static List<Schema> nullSafe(List<Schema> schemas) {
        return schemas == null ? List.of() : schemas;
    }
}
