package io.rapport.deploy.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates a Kubernetes object against the schema of its kind, offline: the built-in kinds against the Kubernetes
 * OpenAPI models ({@link KubernetesSchemas}), Strimzi kinds against the Strimzi CRDs ({@link StrimziSchemas}), the
 * Barman Cloud plugin's against its CRD ({@link VendoredCrds}), CloudNativePG and Prometheus Operator kinds against
 * their CRDs as declared by their models packages ({@link DeclaredSchemas}); the custom resources' metadata against
 * the Kubernetes ObjectMeta. Every schema is strict: an unknown field, a value of the wrong type or a missing
 * required field is an error. A kind with no schema is an error too, never a silent pass.
 */
final class Schemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private Schemas() {
    }

    /** The problems of one object, each naming the object and the path; empty when it is valid. */
    static List<String> validate(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        String id = kind + " " + object.path("metadata").path("name").asText("<no name>");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            return List.of(id + ": no apiVersion or kind");
        }
        JsonSchema schema;
        try {
            schema = schema(apiVersion, kind);
        } catch (IllegalArgumentException e) {
            return List.of(id + ": " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(object)) {
            problems.add(id + ": " + message.getMessage());
        }
        if (problems.isEmpty() && KubernetesSchemas.isBuiltIn(apiVersion)) {
            // A second opinion: the client model's own generated validation (unknown and missing required fields).
            String problem = KubernetesSchemas.clientValidation(apiVersion, kind, object.toString());
            if (problem != null) {
                problems.add(id + ": " + problem);
            }
        }
        return problems;
    }

    static JsonSchema schema(String apiVersion, String kind) {
        return CACHE.computeIfAbsent(apiVersion + " " + kind, key -> FACTORY.getSchema(document(apiVersion, kind)));
    }

    /** The schema document of a kind: its root schema with the Kubernetes model definitions it refers to. */
    static ObjectNode document(String apiVersion, String kind) {
        KubernetesSchemas kubernetes = new KubernetesSchemas();
        ObjectNode root;
        String group = KubernetesSchemas.group(apiVersion);
        if (KubernetesSchemas.isBuiltIn(apiVersion)) {
            Class<?> model = KubernetesSchemas.modelClass(apiVersion, kind);
            if (model == null) {
                throw new IllegalArgumentException("no Kubernetes schema for " + apiVersion + " " + kind);
            }
            root = JSON.objectNode().put("$ref", "#/definitions/" + kubernetes.define(model));
        } else if (group.equals(StrimziSchemas.GROUP) && StrimziSchemas.covers(kind)) {
            root = fromCrd(StrimziSchemas.crd(kind), apiVersion, kind, kubernetes);
        } else if (VendoredCrds.covers(group, kind)) {
            root = fromCrd(VendoredCrds.crd(group, kind), apiVersion, kind, kubernetes);
        } else {
            String version = KubernetesSchemas.version(apiVersion);
            DeclaredSchemas declared = DeclaredSchemas.ALL.stream().filter(d -> d.covers(group, version, kind))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no schema for " + apiVersion + " " + kind));
            root = declared.schema(kind, objectMetaRef(kubernetes));
        }
        ObjectNode document = JSON.objectNode().put("$schema", "http://json-schema.org/draft-07/schema#");
        document.setAll(root);
        ObjectNode definitions = JSON.objectNode();
        kubernetes.definitions().forEach(definitions::set);
        document.set("definitions", definitions);
        return document;
    }

    private static ObjectNode fromCrd(JsonNode crd, String apiVersion, String kind, KubernetesSchemas kubernetes) {
        ObjectNode root = CrdSchemas.convert(CrdSchemas.versionSchema(crd, KubernetesSchemas.version(apiVersion)));
        restrictTypeMeta(root, apiVersion, kind);
        ((ObjectNode) root.get("properties")).set("metadata", objectMetaRef(kubernetes));
        root.set("required", JSON.arrayNode().add("apiVersion").add("kind").add("metadata"));
        return root;
    }

    private static ObjectNode objectMetaRef(KubernetesSchemas kubernetes) {
        try {
            return JSON.objectNode().put("$ref", "#/definitions/"
                    + kubernetes.define(Class.forName(KubernetesSchemas.MODELS + "V1ObjectMeta")));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void restrictTypeMeta(ObjectNode root, String apiVersion, String kind) {
        ObjectNode properties = (ObjectNode) root.get("properties");
        properties.set("apiVersion", JSON.objectNode().put("const", apiVersion));
        properties.set("kind", JSON.objectNode().put("const", kind));
    }
}
