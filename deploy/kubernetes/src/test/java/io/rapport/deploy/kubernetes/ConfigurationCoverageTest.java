package io.rapport.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every setting a service reads in production reaches it from the manifests, as an environment variable from a
 * ConfigMap or a Secret, or as a file mounted from a Secret; and the values fit the rest of the deployment (the
 * database and Kafka the manifests create, the credentials the operators write).
 */
class ConfigurationCoverageTest {

    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|JAAS|TOKEN|PRIVATE|CREDENTIAL).*");

    static List<Arguments> services() {
        List<Arguments> arguments = new ArrayList<>();
        for (String overlay : Manifests.OVERLAYS) {
            for (String service : ServiceConfig.SERVICES) {
                arguments.add(Arguments.of(overlay, service));
            }
        }
        return arguments;
    }

    private static JsonNode container(Manifests manifests, String service) {
        JsonNode containers = manifests.get("Deployment", service).at("/spec/template/spec/containers");
        assertThat(containers).as("%s containers", service).hasSize(1);
        return containers.get(0);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void everyVariableTheServiceReadsIsSet(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        Set<String> needed = new TreeSet<>(ServiceConfig.of(service).environmentVariables());
        needed.addAll(ServiceConfig.REQUIRED_WITHOUT_DEFAULT);

        Map<String, String> environment = manifests.environment(container(manifests, service));

        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(environment.keySet());
        assertThat(missing).as("%s reads these variables (see its application.properties) but %s does not set them: "
                + "add them to the configMapGenerator in deploy/kubernetes/base/services/%s/kustomization.yaml "
                + "(or to base/common for settings every service shares)", service, overlay,
                service.substring(0, service.indexOf('-'))).isEmpty();
        assertThat(environment).as("%s", service).containsEntry("RAPPORT_LOG_JSON", "true")
                .containsEntry("QUARKUS_HTTP_PORT", "8080");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void credentialsComeFromSecretsOnly(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        manifests.environment(container(manifests, service)).forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches()) {
                assertThat(value).as("%s %s comes from a Secret", service, name).startsWith("secret:");
            }
        });
        for (ObjectNode configMap : manifests.ofKind("ConfigMap")) {
            configMap.path("data").fieldNames().forEachRemaining(key -> assertThat(SECRET_NAME.matcher(key).matches())
                    .as("ConfigMap %s holds no credential (%s)", Manifests.name(configMap), key).isFalse());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void databaseSettingsMatchTheCloudNativePgCluster(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        Map<String, String> env = manifests.environment(container(manifests, service));
        ObjectNode cluster = manifests.get("Cluster", "rapport-postgres");

        assertThat(env.get("RAPPORT_DB_HOST")).isEqualTo(Manifests.name(cluster) + "-rw");
        assertThat(env.get("RAPPORT_DB_PORT")).isEqualTo("5432");
        String secret = service + "-db";
        assertThat(env.get("RAPPORT_DB_USER")).isEqualTo("secret:" + secret + "/username");
        assertThat(env.get("RAPPORT_DB_PASSWORD")).isEqualTo("secret:" + secret + "/password");

        // the role whose password is in that Secret owns the database the service connects to
        JsonNode role = null;
        for (JsonNode r : cluster.at("/spec/managed/roles")) {
            if (r.at("/passwordSecret/name").asText().equals(secret)) {
                role = r;
            }
        }
        assertThat(role).as("a managed role with the password Secret %s", secret).isNotNull();
        assertThat(role.path("login").asBoolean()).as("role %s can log in", role.path("name").asText()).isTrue();
        String roleName = role.path("name").asText();
        String databaseName = env.get("RAPPORT_DB_NAME");
        assertThat(manifests.ofKind("Database")).as("Database %s owned by %s", databaseName, roleName)
                .anyMatch(d -> d.at("/spec/name").asText().equals(databaseName)
                        && d.at("/spec/owner").asText().equals(roleName)
                        && d.at("/spec/cluster/name").asText().equals(Manifests.name(cluster)));
        // ... and its connection limit covers the largest number of pods times the pool size
        int maxPods = manifests.ofKind("HorizontalPodAutoscaler").stream()
                .filter(h -> h.at("/spec/scaleTargetRef/name").asText().equals(service))
                .mapToInt(h -> h.at("/spec/maxReplicas").asInt()).max().orElseThrow();
        int pool = Integer.parseInt(env.get("RAPPORT_DB_POOL_MAX"));
        assertThat(role.path("connectionLimit").asInt()).as("connectionLimit of %s", roleName)
                .isGreaterThanOrEqualTo(maxPods * pool);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void kafkaSettingsMatchTheStrimziClusterAndTheServicesUser(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode container = container(manifests, service);
        Map<String, String> env = manifests.environment(container);
        ObjectNode kafka = manifests.get("Kafka", "rapport-kafka");
        JsonNode listener = kafka.at("/spec/kafka/listeners/0");

        assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS"))
                .isEqualTo(Manifests.name(kafka) + "-kafka-bootstrap:" + listener.path("port").asInt());
        assertThat(listener.path("tls").asBoolean()).isTrue();
        assertThat(listener.at("/authentication/type").asText()).isEqualTo("scram-sha-512");
        assertThat(env.get("KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");
        assertThat(env.get("KAFKA_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");

        ObjectNode user = manifests.get("KafkaUser", service);
        assertThat(user.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(Manifests.name(kafka));
        assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
        // The User Operator writes the user's Secret under the KafkaUser's name.
        assertThat(env.get("KAFKA_SASL_JAAS_CONFIG")).isEqualTo("secret:" + service + "/sasl.jaas.config");

        assertThat(env.get("KAFKA_SSL_TRUSTSTORE_TYPE")).isEqualTo("PEM");
        assertMountedFromSecret(manifests, service, container, env.get("KAFKA_SSL_TRUSTSTORE_LOCATION"),
                Manifests.name(kafka) + "-cluster-ca-cert", "ca.crt");
        // The listener's network policy lets the service's pods in.
        JsonNode podLabels = manifests.get("Deployment", service).at("/spec/template/metadata/labels");
        assertThat(listener.path("networkPolicyPeers")).anyMatch(p -> Manifests.selects(p.path("podSelector"), podLabels));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("services")
    void jwtPublicKeyIsAMountedSecret(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode container = container(manifests, service);
        Map<String, String> env = manifests.environment(container);
        assertMountedFromSecret(manifests, service, container, env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"),
                "rapport-jwt-public-key", "publicKey.pem");
        assertThat(env.get("RAPPORT_JWT_ISSUER")).startsWith("https://");
    }

    /** A file path the container reads lies in a read-only volume mounted from this key of this Secret. */
    private static void assertMountedFromSecret(Manifests manifests, String service, JsonNode container, String file,
            String secret, String key) {
        assertThat(file).as("%s file from Secret %s", service, secret).isNotBlank();
        JsonNode mount = null;
        for (JsonNode m : container.path("volumeMounts")) {
            if (file.startsWith(m.path("mountPath").asText() + "/")) {
                mount = m;
            }
        }
        assertThat(mount).as("%s mounts %s", service, file).isNotNull();
        assertThat(mount.path("readOnly").asBoolean()).as("%s mount of %s is read-only", service, file).isTrue();
        String volumeName = mount.path("name").asText();
        String relative = file.substring(mount.path("mountPath").asText().length() + 1);
        JsonNode volume = null;
        for (JsonNode v : manifests.get("Deployment", service).at("/spec/template/spec/volumes")) {
            if (v.path("name").asText().equals(volumeName)) {
                volume = v;
            }
        }
        assertThat(volume).isNotNull();
        assertThat(volume.at("/secret/secretName").asText()).as("%s volume %s", service, volumeName).isEqualTo(secret);
        assertThat(volume.at("/secret/items")).as("%s: %s holds key %s", service, relative, key)
                .anyMatch(i -> i.path("key").asText().equals(key) && i.path("path").asText().equals(relative));
    }

    /**
     * Every Secret the manifests use is either written by an operator (Strimzi: the KafkaUsers' and the cluster CA's)
     * or one the README tells the operator of the deployment to create.
     */
    @Test
    void everySecretIsWrittenByAnOperatorOrDocumented() throws IOException {
        String readme = Files.readString(Project.deployDir().resolve("README.md"));
        for (String overlay : Manifests.OVERLAYS) {
            Manifests manifests = Manifests.of(overlay);
            Set<String> written = new TreeSet<>();
            manifests.ofKind("KafkaUser").forEach(u -> written.add(Manifests.name(u)));
            manifests.ofKind("Kafka").forEach(k -> written.add(Manifests.name(k) + "-cluster-ca-cert"));
            Set<String> referenced = new TreeSet<>();
            for (ObjectNode object : manifests.objects()) {
                collectSecretNames(object, referenced);
            }
            assertThat(referenced).as("Secrets used in %s", overlay).isNotEmpty();
            for (String secret : referenced) {
                if (!written.contains(secret)) {
                    assertThat(readme).as("README.md tells how to create Secret %s", secret).contains("`" + secret + "`");
                }
            }
        }
    }

    /**
     * Secret names in secretKeyRef, secret volumes, Ingress TLS, and the operators' {name, key} secret references.
     */
    private static void collectSecretNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            if (node.has("secretKeyRef")) {
                names.add(node.at("/secretKeyRef/name").asText());
            }
            if (node.has("secret") && node.at("/secret/secretName").isTextual()) {
                names.add(node.at("/secret/secretName").asText());
            }
            if (node.has("secretName") && node.has("hosts")) { // an Ingress's TLS certificate
                names.add(node.path("secretName").asText());
            }
            if (node.has("passwordSecret")) {
                names.add(node.at("/passwordSecret/name").asText());
            }
            node.fields().forEachRemaining(e -> {
                if ((e.getKey().equals("accessKeyId") || e.getKey().equals("secretAccessKey")) && e.getValue().has("name")) {
                    names.add(e.getValue().path("name").asText());
                }
                collectSecretNames(e.getValue(), names);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectSecretNames(n, names));
        }
    }
}
