package io.rapport.deploy.kubernetes;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.annotations.SerializedName;

/**
 * Strict JSON schemas of the built-in Kubernetes kinds, derived from the models of the official Kubernetes Java
 * client (io.kubernetes:client-java-api), which are generated from the Kubernetes API server's OpenAPI document.
 * Each model class carries the document's property names ({@code @SerializedName}, {@code openapiFields}), the
 * required ones ({@code openapiRequiredFields}) and the types of their values (its fields' Java types). The schema
 * of a model lists exactly those properties ({@code additionalProperties: false}), as {@code kubectl apply
 * --validate=strict} would, and types every value.
 */
final class KubernetesSchemas {

    static final String MODELS = "io.kubernetes.client.openapi.models.";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The API groups whose kinds the client's models cover here (the core group is ""). */
    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "batch", "policy", "autoscaling",
            "networking.k8s.io", "rbac.authorization.k8s.io", "storage.k8s.io", "scheduling.k8s.io", "coordination.k8s.io");

    private final Map<String, ObjectNode> definitions = new LinkedHashMap<>();

    /** Whether this apiVersion belongs to the built-in Kubernetes API. */
    static boolean isBuiltIn(String apiVersion) {
        return BUILT_IN_GROUPS.contains(group(apiVersion));
    }

    static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    static String version(String apiVersion) {
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    /** The client's model class of a kind, e.g. apps/v1 Deployment -> V1Deployment, or null when there is none. */
    static Class<?> modelClass(String apiVersion, String kind) {
        String version = version(apiVersion);
        String name = MODELS + Character.toUpperCase(version.charAt(0)) + version.substring(1) + kind;
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /**
     * The problem the client model's generated {@code validateJsonElement} finds in an object (it rejects unknown
     * fields and missing required fields, though not every wrong type), or null when it finds none.
     */
    static String clientValidation(String apiVersion, String kind, String json) {
        Class<?> model = modelClass(apiVersion, kind);
        try {
            model.getMethod("validateJsonElement", JsonElement.class).invoke(null, JsonParser.parseString(json));
            return null;
        } catch (InvocationTargetException e) {
            return String.valueOf(e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model.getName() + " has no validateJsonElement", e);
        }
    }

    /**
     * The definition name of a model, added with every model it refers to to this instance's definitions.
     * Use {@link #definitions()} as the {@code definitions} of the schema document that refers to it.
     */
    String define(Class<?> model) {
        String name = model.getSimpleName();
        if (definitions.containsKey(name)) {
            return name;
        }
        ObjectNode schema = JSON.objectNode();
        definitions.put(name, schema); // before the properties: models refer to themselves (JSONSchemaProps)
        Set<String> openapiFields = staticSet(model, "openapiFields");
        Set<String> requiredFields = staticSet(model, "openapiRequiredFields");
        ObjectNode properties = JSON.objectNode();
        for (Field field : model.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            SerializedName serializedName = field.getAnnotation(SerializedName.class);
            if (serializedName == null) {
                throw new IllegalStateException(model.getName() + "." + field.getName() + " has no @SerializedName");
            }
            properties.set(serializedName.value(), typeSchema(field.getGenericType(), model + "." + field.getName()));
        }
        Set<String> declared = new TreeSet<>();
        properties.fieldNames().forEachRemaining(declared::add);
        if (!declared.equals(new TreeSet<>(openapiFields))) {
            throw new IllegalStateException(model.getName() + ": fields " + declared + " differ from openapiFields " + openapiFields);
        }
        schema.put("type", "object");
        schema.set("properties", properties);
        if (!requiredFields.isEmpty()) {
            schema.set("required", JSON.arrayNode().addAll(new TreeSet<>(requiredFields).stream().map(JSON::textNode).toList()));
        }
        schema.put("additionalProperties", false);
        return name;
    }

    /** Every definition made so far, keyed by name. */
    Map<String, ObjectNode> definitions() {
        return definitions;
    }

    private ObjectNode typeSchema(Type type, String where) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw) || Collection.class.equals(raw)) {
                ObjectNode array = JSON.objectNode().put("type", "array");
                array.set("items", typeSchema(arguments[0], where));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                if (!String.class.equals(arguments[0])) {
                    throw new IllegalStateException(where + ": map keys are not strings");
                }
                ObjectNode map = JSON.objectNode().put("type", "object");
                map.set("additionalProperties", typeSchema(arguments[1], where));
                return map;
            }
            throw new IllegalStateException(where + ": unsupported generic type " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return JSON.objectNode().put("type", "string");
        }
        if (c == Integer.class || c == Long.class || c == int.class || c == long.class) {
            return JSON.objectNode().put("type", "integer");
        }
        if (c == Double.class || c == Float.class || c == BigDecimal.class || c == double.class || c == float.class) {
            return JSON.objectNode().put("type", "number");
        }
        if (c == Boolean.class || c == boolean.class) {
            return JSON.objectNode().put("type", "boolean");
        }
        if (c == OffsetDateTime.class || c == LocalDate.class || c == byte[].class) {
            return JSON.objectNode().put("type", "string");
        }
        if (c == Object.class) {
            return JSON.objectNode(); // free-form (e.g. a CRD's default value)
        }
        if (c.getName().equals("io.kubernetes.client.custom.IntOrString")) {
            ObjectNode schema = JSON.objectNode();
            schema.set("type", JSON.arrayNode().add("integer").add("string"));
            return schema;
        }
        if (c.getName().equals("io.kubernetes.client.custom.Quantity")) {
            ObjectNode schema = JSON.objectNode();
            schema.set("type", JSON.arrayNode().add("string").add("number"));
            return schema;
        }
        if (c.isEnum()) {
            ObjectNode schema = JSON.objectNode();
            var values = JSON.arrayNode();
            for (Object constant : c.getEnumConstants()) {
                values.add(enumValue(constant));
            }
            schema.set("enum", values);
            return schema;
        }
        if (c.getName().startsWith(MODELS)) {
            return JSON.objectNode().put("$ref", "#/definitions/" + define(c));
        }
        throw new IllegalStateException(where + ": unsupported type " + c.getName());
    }

    private static String enumValue(Object constant) {
        try {
            return String.valueOf(constant.getClass().getMethod("getValue").invoke(constant));
        } catch (ReflectiveOperationException e) {
            return ((Enum<?>) constant).name();
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> staticSet(Class<?> model, String name) {
        try {
            Field field = model.getField(name);
            return (Set<String>) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model.getName() + " has no " + name, e);
        }
    }
}
