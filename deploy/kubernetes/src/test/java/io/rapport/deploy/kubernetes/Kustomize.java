package io.rapport.deploy.kubernetes;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Renders a kustomization with the real Kustomize (v5): {@code kubectl kustomize} (Kustomize is built into
 * kubectl), or a standalone {@code kustomize build}. Which binary: the environment variable {@code KUSTOMIZE} (a
 * kustomize binary), else the kubectl in deploy/kubernetes/.tools/bin (where {@code install-kubectl} puts one when
 * the PATH has none recent enough), else {@code kubectl} on the PATH, else {@code kustomize} on the PATH. No renderer of our own: what the tests see is what {@code kubectl apply
 * -k} would send.
 */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<String, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The objects of a kustomization, e.g. {@code overlays/prod}, relative to deploy/kubernetes; rendered once. */
    static List<ObjectNode> render(String kustomization) {
        return RENDERED.computeIfAbsent(kustomization, k -> parse(run(Project.deployDir().resolve(k))));
    }

    /** A deep copy of the one object of this kind and name in a rendered kustomization. */
    static ObjectNode copyOf(String kustomization, String kind, String name) {
        return render(kustomization).stream()
                .filter(o -> kind.equals(o.path("kind").asText()) && name.equals(o.path("metadata").path("name").asText()))
                .findFirst()
                .map(ObjectNode::deepCopy)
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + kustomization));
    }

    static List<ObjectNode> parse(String yaml) {
        try {
            List<ObjectNode> objects = new ArrayList<>();
            for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                if (!doc.isObject()) {
                    throw new AssertionError("not an object in the rendered YAML: " + doc);
                }
                objects.add((ObjectNode) doc);
            }
            return objects;
        } catch (IOException e) {
            throw new AssertionError("cannot parse the rendered YAML", e);
        }
    }

    private static String run(Path dir) {
        List<String> command = command(dir);
        try {
            Path err = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            String stderr = Files.readString(err);
            Files.deleteIfExists(err);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + stderr);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<String> command(Path dir) {
        String kustomize = System.getenv("KUSTOMIZE");
        if (kustomize != null && !kustomize.isBlank()) {
            return List.of(kustomize, "build", dir.toString());
        }
        Path tool = Project.deployDir().resolve(".tools/bin/kubectl");
        Path kubectl = Files.isExecutable(tool) ? tool : onPath("kubectl");
        if (kubectl != null) {
            return List.of(kubectl.toString(), "kustomize", dir.toString());
        }
        Path standalone = onPath("kustomize");
        if (standalone != null) {
            return List.of(standalone.toString(), "build", dir.toString());
        }
        throw new AssertionError("Kustomize is needed to render the manifests: install kubectl (it includes Kustomize), "
                + "e.g. with deploy/kubernetes/install-kubectl, or set KUSTOMIZE to a kustomize binary");
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
