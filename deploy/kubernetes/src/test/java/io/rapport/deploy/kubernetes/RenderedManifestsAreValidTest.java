package io.rapport.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Every overlay renders with Kustomize, and every object it renders is valid against the schema of its kind. */
class RenderedManifestsAreValidTest {

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/dev", "overlays/prod" })
    void everyObjectMatchesTheSchemaOfItsKind(String kustomization) {
        List<ObjectNode> objects = Kustomize.render(kustomization);

        List<String> problems = new ArrayList<>();
        objects.forEach(o -> problems.addAll(Schemas.validate(o)));

        assertThat(problems).as("schema violations in %s", kustomization).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/dev", "overlays/prod" })
    void rendersTheWholeSuite(String kustomization) {
        Map<String, Integer> kinds = new TreeMap<>();
        Kustomize.render(kustomization).forEach(o -> kinds.merge(o.path("kind").asText(), 1, Integer::sum));

        assertThat(kinds).containsEntry("Deployment", 4).containsEntry("Service", 4).containsEntry("ServiceAccount", 4)
                .containsEntry("PodDisruptionBudget", 4).containsEntry("HorizontalPodAutoscaler", 4)
                .containsEntry("NetworkPolicy", 4).containsEntry("KafkaUser", 5).containsEntry("KafkaTopic", 8)
                .containsEntry("Kafka", 1).containsEntry("KafkaNodePool", 2).containsEntry("Cluster", 1)
                .containsEntry("Database", 4).containsEntry("ConfigMap", 6).containsEntry("PodMonitor", 3)
                .containsEntry("Ingress", 1);
        if (kustomization.equals("overlays/dev")) {
            assertThat(kinds).doesNotContainKeys("ScheduledBackup", "ObjectStore").containsEntry("PrometheusRule", 1);
        } else {
            assertThat(kinds).containsEntry("ScheduledBackup", 1).containsEntry("ObjectStore", 1)
                    .containsEntry("PrometheusRule", 2);
        }
    }
}
