package io.rapport.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rules every Deployment must keep, in every overlay, so that a later change cannot drop one silently: health
 * probes, resource requests and limits, a locked-down security context, a pinned image, and the objects that go
 * with it (ServiceAccount, Service, PodDisruptionBudget, HorizontalPodAutoscaler, NetworkPolicy).
 */
class DeploymentPolicyTest {

    static List<Arguments> deployments() {
        List<Arguments> arguments = new ArrayList<>();
        for (String overlay : Manifests.OVERLAYS) {
            Manifests manifests = Manifests.of(overlay);
            assertThat(manifests.ofKind("Deployment")).as("Deployments in %s", overlay).isNotEmpty();
            manifests.ofKind("Deployment").forEach(d -> arguments.add(Arguments.of(overlay, Manifests.name(d))));
        }
        return arguments;
    }

    private static ObjectNode deployment(String overlay, String name) {
        return Manifests.of(overlay).get("Deployment", name);
    }

    private static List<JsonNode> containers(JsonNode deployment) {
        List<JsonNode> containers = new ArrayList<>();
        deployment.at("/spec/template/spec/initContainers").forEach(containers::add);
        deployment.at("/spec/template/spec/containers").forEach(containers::add);
        assertThat(containers).isNotEmpty();
        return containers;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("deployments")
    void probesOnTheHealthEndpoints(String overlay, String name) {
        for (JsonNode container : deployment(overlay, name).at("/spec/template/spec/containers")) {
            Map<String, String> paths = Map.of("startupProbe", "/q/health/started", "livenessProbe", "/q/health/live",
                    "readinessProbe", "/q/health/ready");
            paths.forEach((probe, path) -> {
                JsonNode httpGet = container.path(probe).path("httpGet");
                assertThat(httpGet.path("path").asText()).as("%s %s path", name, probe).isEqualTo(path);
                String port = httpGet.path("port").asText();
                assertThat(container.path("ports")).as("%s %s port %s is a container port", name, probe, port)
                        .anyMatch(p -> p.path("name").asText().equals(port) || p.path("containerPort").asText().equals(port));
            });
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("deployments")
    void requestsAndLimits(String overlay, String name) {
        for (JsonNode container : containers(deployment(overlay, name))) {
            JsonNode resources = container.path("resources");
            for (String path : List.of("/requests/cpu", "/requests/memory", "/limits/cpu", "/limits/memory")) {
                assertThat(resources.at(path).asText()).as("%s %s resources%s", name, container.path("name").asText(), path)
                        .isNotBlank();
            }
            assertThat(Quantities.bytes(resources.at("/limits/memory").asText()))
                    .as("%s memory limit >= request", name)
                    .isGreaterThanOrEqualTo(Quantities.bytes(resources.at("/requests/memory").asText()));
            assertThat(Quantities.millicores(resources.at("/limits/cpu").asText()))
                    .as("%s cpu limit >= request", name)
                    .isGreaterThanOrEqualTo(Quantities.millicores(resources.at("/requests/cpu").asText()));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("deployments")
    void lockedDownSecurityContext(String overlay, String name) {
        JsonNode deployment = deployment(overlay, name);
        JsonNode pod = deployment.at("/spec/template/spec/securityContext");
        for (JsonNode container : containers(deployment)) {
            JsonNode security = container.path("securityContext");
            String c = name + " " + container.path("name").asText();
            boolean nonRoot = security.has("runAsNonRoot") ? security.get("runAsNonRoot").asBoolean()
                    : pod.path("runAsNonRoot").asBoolean(false);
            assertThat(nonRoot).as("%s runAsNonRoot", c).isTrue();
            long user = security.has("runAsUser") ? security.get("runAsUser").asLong() : pod.path("runAsUser").asLong(-1);
            assertThat(user).as("%s runAsUser is set and not root", c).isPositive();
            assertThat(security.path("readOnlyRootFilesystem").asBoolean(false)).as("%s readOnlyRootFilesystem", c).isTrue();
            assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as("%s allowPrivilegeEscalation", c).isFalse();
            assertThat(security.path("privileged").asBoolean(false)).as("%s privileged", c).isFalse();
            assertThat(security.at("/capabilities/drop")).as("%s drops all capabilities", c)
                    .anyMatch(d -> d.asText().equals("ALL"));
            assertThat(security.at("/capabilities/add")).as("%s adds no capability", c).isEmpty();
            String seccomp = security.at("/seccompProfile/type").asText(pod.at("/seccompProfile/type").asText());
            assertThat(seccomp).as("%s seccomp profile", c).isIn("RuntimeDefault", "Localhost");
            // A read-only root filesystem needs somewhere to write: the JVM and Quarkus use /tmp.
            assertThat(container.path("volumeMounts")).as("%s has a writable /tmp", c)
                    .anyMatch(m -> m.path("mountPath").asText().equals("/tmp") && !m.path("readOnly").asBoolean(false));
        }
        JsonNode spec = deployment.at("/spec/template/spec");
        assertThat(spec.path("hostNetwork").asBoolean(false) || spec.path("hostPID").asBoolean(false)
                || spec.path("hostIPC").asBoolean(false)).as("%s shares no host namespace", name).isFalse();
        assertThat(spec.path("volumes")).as("%s mounts no host path", name).noneMatch(v -> v.has("hostPath"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("deployments")
    void pinnedImage(String overlay, String name) {
        for (JsonNode container : containers(deployment(overlay, name))) {
            String image = container.path("image").asText();
            assertThat(Images.isPinned(image)).as("%s image %s has a tag other than latest, or a digest", name, image).isTrue();
            assertThat(container.path("imagePullPolicy").asText("IfNotPresent")).as("%s imagePullPolicy", name)
                    .isIn("IfNotPresent", "Always");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("deployments")
    void ownServiceAccountWithoutAToken(String overlay, String name) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode spec = deployment(overlay, name).at("/spec/template/spec");
        String account = spec.path("serviceAccountName").asText();
        assertThat(account).as("%s serviceAccountName", name).isEqualTo(name);
        assertThat(manifests.find("ServiceAccount", account)).as("ServiceAccount %s", account).isPresent();
        assertThat(spec.path("automountServiceAccountToken").asBoolean(true)).as("%s mounts no API token", name).isFalse();
        assertThat(spec.path("enableServiceLinks").asBoolean(true)).as("%s enableServiceLinks", name).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("deployments")
    void serviceBudgetAutoscalerAndNetworkPolicy(String overlay, String name) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode deployment = deployment(overlay, name);
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        assertThat(Manifests.selects(deployment.at("/spec/selector"), podLabels)).as("%s selects its pods", name).isTrue();

        assertThat(manifests.ofKind("Service")).as("a Service for %s", name)
                .anyMatch(s -> Manifests.selects(s.at("/spec/selector"), podLabels));
        assertThat(manifests.ofKind("PodDisruptionBudget")).as("a PodDisruptionBudget for %s", name)
                .anyMatch(p -> Manifests.selects(p.at("/spec/selector"), podLabels));

        List<ObjectNode> autoscalers = manifests.ofKind("HorizontalPodAutoscaler").stream()
                .filter(h -> h.at("/spec/scaleTargetRef/kind").asText().equals("Deployment")
                        && h.at("/spec/scaleTargetRef/name").asText().equals(name))
                .toList();
        assertThat(autoscalers).as("one HorizontalPodAutoscaler for %s", name).hasSize(1);
        JsonNode hpa = autoscalers.get(0).path("spec");
        int replicas = deployment.at("/spec/replicas").asInt(1);
        assertThat(hpa.path("minReplicas").asInt(1)).as("%s minReplicas = replicas", name).isEqualTo(replicas);
        assertThat(hpa.path("maxReplicas").asInt()).as("%s maxReplicas", name).isGreaterThanOrEqualTo(replicas);

        List<ObjectNode> policies = manifests.ofKind("NetworkPolicy").stream()
                .filter(n -> Manifests.selects(n.at("/spec/podSelector"), podLabels)).toList();
        assertThat(policies).as("a NetworkPolicy for %s", name).hasSize(1);
        JsonNode policy = policies.get(0).path("spec");
        assertThat(policy.path("policyTypes")).as("%s policy types", name)
                .extracting(JsonNode::asText).containsExactlyInAnyOrder("Ingress", "Egress");
        // Ingress: the service's HTTP port only.
        for (JsonNode rule : policy.path("ingress")) {
            assertThat(rule.path("ports")).as("%s ingress names its ports", name).isNotEmpty()
                    .allMatch(p -> p.path("port").asText().equals("http") || p.path("port").asText().equals("8080"));
        }
        // Egress: somewhere in particular, on given ports, never everywhere.
        for (JsonNode rule : policy.path("egress")) {
            assertThat(rule.path("to")).as("%s egress has destinations", name).isNotEmpty();
            assertThat(rule.path("ports")).as("%s egress has ports", name).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("deployments")
    void replicasAndPlacementPerEnvironment(String overlay, String name) {
        JsonNode deployment = deployment(overlay, name);
        int replicas = deployment.at("/spec/replicas").asInt(1);
        JsonNode spec = deployment.at("/spec/template/spec");
        if (overlay.endsWith("prod")) {
            assertThat(replicas).as("%s replicas in prod", name).isGreaterThanOrEqualTo(3);
            JsonNode antiAffinity = spec.at("/affinity/podAntiAffinity");
            assertThat(antiAffinity.has("preferredDuringSchedulingIgnoredDuringExecution")
                    || antiAffinity.has("requiredDuringSchedulingIgnoredDuringExecution"))
                    .as("%s anti-affinity in prod", name).isTrue();
            assertThat(spec.path("topologySpreadConstraints")).as("%s topology spread in prod", name)
                    .anyMatch(t -> t.path("topologyKey").asText().equals("topology.kubernetes.io/zone"))
                    .anyMatch(t -> t.path("topologyKey").asText().equals("kubernetes.io/hostname"));
            assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asText()).as("%s rollout", name)
                    .isEqualTo("0");
        } else {
            assertThat(replicas).as("%s replicas in dev", name).isEqualTo(1);
        }
    }
}
