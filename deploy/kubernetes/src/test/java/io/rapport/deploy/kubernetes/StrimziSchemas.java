package io.rapport.deploy.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Strimzi CRDs, generated the way a Strimzi release generates the CRDs it ships: its CRD generator
 * (io.strimzi:crd-generator) run over its API classes (io.strimzi:api), with the release's own arguments. Both come
 * from Maven Central (versions in this module's pom.xml); the generator runs in a JVM of its own, once per build,
 * and writes to target/strimzi-crds.
 */
final class StrimziSchemas {

    static final String GROUP = "kafka.strimzi.io";

    /** kind -> the API class the CRD is generated from. */
    private static final Map<String, String> KINDS = Map.of(
            "Kafka", "io.strimzi.api.kafka.model.kafka.Kafka",
            "KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool",
            "KafkaTopic", "io.strimzi.api.kafka.model.topic.KafkaTopic",
            "KafkaUser", "io.strimzi.api.kafka.model.user.KafkaUser");

    private static Path generated;

    private StrimziSchemas() {
    }

    static boolean covers(String kind) {
        return KINDS.containsKey(kind);
    }

    /** The CRD of a Strimzi kind, as a tree. */
    static JsonNode crd(String kind) {
        try {
            return Kustomize.YAML.readTree(generatedDir().resolve(kind + ".yaml").toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read the generated CRD of " + kind, e);
        }
    }

    private static synchronized Path generatedDir() {
        if (generated != null) {
            return generated;
        }
        Path dir = Project.buildDir().resolve("strimzi-crds");
        try {
            Files.createDirectories(dir);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "io.strimzi.crdgenerator.CrdGenerator",
                    // as Strimzi's api/pom.xml runs it: both served versions, v1beta2 stored
                    "--label", "app:strimzi", "--label", "strimzi.io/crd-install:true",
                    "--target-kube", "1.16+", "--crd-api-version", "v1",
                    "--api-versions", "v1beta2,v1", "--storage-version", "v1beta2", "--yaml"));
            KINDS.forEach((kind, type) -> command.add(type + "=" + dir.resolve(kind + ".yaml").toAbsolutePath()));
            Path log = dir.resolve("crd-generator.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the Strimzi CRD generator timed out");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("the Strimzi CRD generator failed:\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run the Strimzi CRD generator", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        generated = dir;
        return dir;
    }
}
