package io.rapport.deploy.kubernetes;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the {@code openAPIV3Schema} of a CustomResourceDefinition version into a strict JSON schema, with the
 * meaning the API server gives it: a structural schema's objects hold only their declared properties (the server
 * prunes anything else, and rejects it under strict field validation, e.g. {@code kubectl apply --validate=strict}),
 * except where {@code x-kubernetes-preserve-unknown-fields} says otherwise; {@code x-kubernetes-int-or-string}
 * allows an integer or a string; {@code nullable} allows null.
 */
final class CrdSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Keywords that mean the same in OpenAPI 3.0 schemas and JSON schema (draft 7) and are kept. */
    private static final Set<String> KEPT = Set.of("type", "enum", "pattern", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "required",
            "minProperties", "maxProperties", "multipleOf");

    private CrdSchemas() {
    }

    /** The openAPIV3Schema of the named version of a CRD. */
    static JsonNode versionSchema(JsonNode crd, String version) {
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (version.equals(v.path("name").asText())) {
                return v.path("schema").path("openAPIV3Schema");
            }
        }
        throw new IllegalArgumentException(crd.path("metadata").path("name").asText() + " has no version " + version);
    }

    /** The strict JSON schema of an OpenAPI v3 (structural) schema. */
    static ObjectNode convert(JsonNode openApi) {
        ObjectNode out = JSON.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = openApi.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (KEPT.contains(e.getKey())) {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        if (openApi.has("properties")) {
            ObjectNode properties = JSON.objectNode();
            openApi.get("properties").fields().forEachRemaining(p -> properties.set(p.getKey(), convert(p.getValue())));
            out.set("properties", properties);
        }
        if (openApi.has("items")) {
            out.set("items", convert(openApi.get("items")));
        }
        for (String combinator : new String[] { "oneOf", "anyOf", "allOf" }) {
            if (openApi.has(combinator)) {
                ArrayNode branches = JSON.arrayNode();
                // In a structural schema the branches only constrain values; they declare no properties of their own.
                openApi.get(combinator).forEach(b -> branches.add(convertBranch(b)));
                out.set(combinator, branches);
            }
        }
        if (openApi.has("not")) {
            out.set("not", convertBranch(openApi.get("not")));
        }
        boolean preserveUnknown = openApi.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (openApi.path("x-kubernetes-int-or-string").asBoolean(false)) {
            out.set("type", JSON.arrayNode().add("integer").add("string"));
            out.remove("anyOf");
        }
        if (openApi.has("additionalProperties")) {
            JsonNode additional = openApi.get("additionalProperties");
            out.set("additionalProperties", additional.isBoolean() ? additional : convert(additional));
        } else if ("object".equals(openApi.path("type").asText()) && !preserveUnknown) {
            out.put("additionalProperties", false);
        }
        if (openApi.path("nullable").asBoolean(false) && out.has("type")) {
            JsonNode type = out.get("type");
            ArrayNode types = type.isArray() ? (ArrayNode) type : JSON.arrayNode().add(type.asText());
            types.add("null");
            out.set("type", types);
        }
        return out;
    }

    private static ObjectNode convertBranch(JsonNode branch) {
        ObjectNode out = JSON.objectNode();
        branch.fields().forEachRemaining(e -> {
            if (KEPT.contains(e.getKey())) {
                out.set(e.getKey(), e.getValue().deepCopy());
            } else if (e.getKey().equals("properties")) {
                ObjectNode properties = JSON.objectNode();
                e.getValue().fields().forEachRemaining(p -> properties.set(p.getKey(), convertBranch(p.getValue())));
                out.set("properties", properties);
            }
        });
        return out;
    }
}
