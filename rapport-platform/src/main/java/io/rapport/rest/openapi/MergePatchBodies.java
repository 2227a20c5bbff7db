package io.rapport.rest.openapi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * A PATCH body is read as a Jackson tree, which the scanner documents as the tree's Java internals. It is a JSON Merge
 * Patch (RFC 7396) of the resource's input (the body of the PUT on the same path, or of the POST that creates the
 * resource): documented as a schema of its own, {@code <Input>Patch}, with the input's members, none required and
 * each nullable (null removes it), so that a generated client types the patch; the tree's internals leave the
 * document. The inputs' members are values or arrays, which a merge patch replaces whole, so a member keeps its
 * input's schema.
 */
final class MergePatchBodies {

    private static final String TREE = "#/components/schemas/JsonNode";

    private MergePatchBodies() {
    }

    static void describe(OpenAPI openAPI, Map<String, PathItem> paths) {
        boolean replaced = false;
        // one patch schema per input, whichever PATCH operations and media types (JSON, merge patch) take it
        Map<String, Schema> patchOfInput = new HashMap<>();
        for (Map.Entry<String, PathItem> path : paths.entrySet()) {
            Operation patch = path.getValue().getPATCH();
            if (patch == null || patch.getRequestBody() == null || patch.getRequestBody().getContent() == null) {
                continue;
            }
            String input = inputOf(paths, path.getKey());
            for (MediaType body : patch.getRequestBody().getContent().getMediaTypes().values()) {
                if (body.getSchema() != null && TREE.equals(body.getSchema().getRef())) {
                    body.setSchema(patchOfInput.computeIfAbsent(input, name -> mergePatchOf(openAPI, name)));
                    replaced = true;
                }
            }
        }
        if (replaced && openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().removeSchema("JsonNode");
            openAPI.getComponents().removeSchema("JsonNodeType");
        }
    }

    private static Schema mergePatchOf(OpenAPI openAPI, String input) {
        String of = input == null ? "the resource's input" : input;
        Schema patch = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("A JSON Merge Patch (RFC 7396) of " + of + ": each member present replaces the "
                        + "resource's, null removes it, members left out stay as they are; the result is validated as "
                        + "a whole " + of + " would be");
        Schema inputSchema = input == null || openAPI.getComponents() == null
                || openAPI.getComponents().getSchemas() == null ? null : openAPI.getComponents().getSchemas().get(input);
        if (inputSchema == null || inputSchema.getProperties() == null) {
            return patch;
        }
        inputSchema.getProperties().forEach((name, member) -> patch.addProperty(name, nullable(member)));
        String patchName = SchemaNames.resourceOf(input) + "Patch";
        SchemaNames.add(openAPI.getComponents(), patchName, patch);
        return OASFactory.createSchema().ref(patchName);
    }

    /** The member as the input has it, or null: what removes it from the resource. */
    private static Schema nullable(Schema member) {
        return OASFactory.createSchema().description(member.getDescription())
                .anyOf(List.of(member, OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
    }

    /** The name of the input schema the resource is written with: its PUT's body, else its collection's POST's. */
    private static String inputOf(Map<String, PathItem> paths, String path) {
        String put = bodySchemaName(paths.get(path) == null ? null : paths.get(path).getPUT());
        if (put != null) {
            return put;
        }
        int lastSegment = path.lastIndexOf('/');
        PathItem collection = lastSegment > 0 ? paths.get(path.substring(0, lastSegment)) : null;
        return bodySchemaName(collection == null ? null : collection.getPOST());
    }

    private static String bodySchemaName(Operation operation) {
        if (operation == null || operation.getRequestBody() == null
                || operation.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType json = operation.getRequestBody().getContent().getMediaType("application/json");
        String ref = json == null || json.getSchema() == null ? null : json.getSchema().getRef();
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }
}
