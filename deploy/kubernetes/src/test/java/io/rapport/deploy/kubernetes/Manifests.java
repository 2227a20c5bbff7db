package io.rapport.deploy.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Looks things up in the objects of one rendered kustomization. */
record Manifests(String name, List<ObjectNode> objects) {

    /** The kustomizations a deployment is made from (the base only through them, but it must render too). */
    static final List<String> OVERLAYS = List.of("overlays/dev", "overlays/prod");

    static Manifests of(String kustomization) {
        return new Manifests(kustomization, Kustomize.render(kustomization));
    }

    List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<ObjectNode> find(String kind, String objectName) {
        return ofKind(kind).stream().filter(o -> objectName.equals(name(o))).findFirst();
    }

    ObjectNode get(String kind, String objectName) {
        return find(kind, objectName).orElseThrow(() -> new AssertionError("no " + kind + " " + objectName + " in " + name));
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    /** Whether a label selector ({@code matchLabels} only, as used here) selects these labels. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        JsonNode matchLabels = selector.has("matchLabels") ? selector.get("matchLabels") : selector;
        if (selector.has("matchExpressions") || matchLabels.isEmpty()) {
            return false;
        }
        return StreamSupport.stream(((Iterable<Map.Entry<String, JsonNode>>) matchLabels::fields).spliterator(), false)
                .allMatch(e -> e.getValue().asText().equals(labels.path(e.getKey()).asText(null)));
    }

    /**
     * The environment a container starts with: its {@code env} values (a reference as "secret:NAME/KEY" or
     * "configMap:NAME/KEY") and the keys of the ConfigMaps it takes with {@code envFrom}.
     */
    Map<String, String> environment(JsonNode container) {
        Map<String, String> env = new TreeMap<>();
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                ObjectNode configMap = get("ConfigMap", from.get("configMapRef").path("name").asText());
                configMap.path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            } else {
                throw new AssertionError("envFrom other than a ConfigMap: " + from);
            }
        }
        for (JsonNode var : container.path("env")) {
            String value;
            if (var.has("value")) {
                value = var.get("value").asText();
            } else if (var.at("/valueFrom/secretKeyRef").isObject()) {
                JsonNode ref = var.at("/valueFrom/secretKeyRef");
                value = "secret:" + ref.path("name").asText() + "/" + ref.path("key").asText();
            } else if (var.at("/valueFrom/configMapKeyRef").isObject()) {
                JsonNode ref = var.at("/valueFrom/configMapKeyRef");
                value = "configMap:" + ref.path("name").asText() + "/" + ref.path("key").asText();
            } else {
                value = "field:" + var.path("valueFrom");
            }
            env.put(var.path("name").asText(), value);
        }
        return env;
    }
}
