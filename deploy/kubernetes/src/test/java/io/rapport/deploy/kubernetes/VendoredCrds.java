package io.rapport.deploy.kubernetes;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * CustomResourceDefinitions vendored as their projects release them, in src/test/resources/schemas (see the README
 * in each folder), for the operators whose CRDs neither Maven Central nor an npm models package carries: the
 * Barman Cloud plugin of CloudNativePG.
 */
final class VendoredCrds {

    /** group -> kind -> the CRD file. */
    private static final Map<String, Map<String, String>> FILES = Map.of(
            "barmancloud.cnpg.io", Map.of("ObjectStore", "schemas/barman-cloud/barmancloud.cnpg.io_objectstores.yaml"));

    private VendoredCrds() {
    }

    static boolean covers(String group, String kind) {
        return FILES.getOrDefault(group, Map.of()).containsKey(kind);
    }

    static JsonNode crd(String group, String kind) {
        String resource = FILES.get(group).get(kind);
        try (InputStream in = VendoredCrds.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return Kustomize.YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
