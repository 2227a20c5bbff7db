package io.rapport.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The validation is not a rubber stamp: for each family of schemas (Kubernetes, Strimzi, CloudNativePG, its Barman
 * Cloud plugin, the Prometheus Operator) it rejects
 * the three kinds of mistake a hand-edited manifest makes: a field the API does not know (a typo), a value of the
 * wrong type, a required field left out. Each case starts from an object that passes, changes one thing and checks
 * that the problem is reported at the right place.
 */
class SchemaValidationCatchesMistakesTest {

    private static final String PROD = "overlays/prod";

    private static ObjectNode valid(String kind, String name) {
        ObjectNode object = Kustomize.copyOf(PROD, kind, name);
        assertThat(Schemas.validate(object)).as("the unchanged %s %s", kind, name).isEmpty();
        return object;
    }

    private static List<String> problemsAfter(ObjectNode object, Consumer<ObjectNode> mistake) {
        mistake.accept(object);
        return Schemas.validate(object);
    }

    private static ObjectNode at(ObjectNode object, String pointer) {
        return (ObjectNode) object.at(pointer);
    }


    @Test
    void kubernetesUnknownFieldDeepInAPodTemplate() {
        List<String> problems = problemsAfter(valid("Deployment", "contacts-service"),
                d -> at(d, "/spec/template/spec/containers/0").set("livenessprobe",
                        at(d, "/spec/template/spec/containers/0/livenessProbe").deepCopy()));
        assertThat(problems).singleElement().asString().contains("livenessprobe");
    }

    @Test
    void kubernetesUnknownTopLevelSpecField() {
        List<String> problems = problemsAfter(valid("HorizontalPodAutoscaler", "scheduler-service"),
                h -> at(h, "/spec").put("targetCPUUtilizationPercentage", 70)); // autoscaling/v1, not v2
        assertThat(problems).singleElement().asString().contains("targetCPUUtilizationPercentage");
    }

    @Test
    void kubernetesWrongType() {
        List<String> problems = problemsAfter(valid("Deployment", "scheduler-service"),
                d -> at(d, "/spec").put("replicas", "three"));
        assertThat(problems).singleElement().asString().contains("replicas").contains("integer");
    }

    @Test
    void kubernetesWrongTypeAListWhereAnObjectBelongs() {
        List<String> problems = problemsAfter(valid("NetworkPolicy", "feedback-service"),
                n -> at(n, "/spec").putArray("podSelector").add("app.kubernetes.io/name=feedback-service"));
        assertThat(problems).isNotEmpty().allMatch(p -> p.contains("podSelector"));
    }

    @Test
    void kubernetesMissingRequiredField() {
        List<String> problems = problemsAfter(valid("Deployment", "interactions-service"),
                d -> at(d, "/spec").remove("selector"));
        assertThat(problems).singleElement().asString().contains("selector");
    }

    @Test
    void kubernetesMissingRequiredFieldOfAContainer() {
        List<String> problems = problemsAfter(valid("Deployment", "feedback-service"),
                d -> at(d, "/spec/template/spec/containers/0").remove("name"));
        assertThat(problems).singleElement().asString().contains("name");
    }

    @Test
    void kubernetesTheClientModelsOwnValidationAgrees() {
        ObjectNode deployment = valid("Deployment", "contacts-service");
        assertThat(KubernetesSchemas.clientValidation("apps/v1", "Deployment", deployment.toString())).isNull();
        at(deployment, "/spec/template/spec/containers/0").put("livenessprobe", 1);
        assertThat(KubernetesSchemas.clientValidation("apps/v1", "Deployment", deployment.toString()))
                .contains("livenessprobe");
    }

    @Test
    void kubernetesUnknownKindIsAnErrorNotAPass() {
        ObjectNode object = valid("Service", "contacts-service");
        object.put("kind", "Servise");
        assertThat(Schemas.validate(object)).singleElement().asString().contains("no Kubernetes schema");
    }


    @Test
    void strimziUnknownField() {
        List<String> problems = problemsAfter(valid("KafkaTopic", "rapport-contacts-v1"),
                t -> at(t, "/spec").put("partition", 6));
        assertThat(problems).singleElement().asString().contains("partition");
    }

    @Test
    void strimziFieldRemovedFromTheV1Api() {
        // spec.kafka.replicas belongs to v1beta2 with ZooKeeper; in v1 the node pools hold the replicas
        List<String> problems = problemsAfter(valid("Kafka", "rapport-kafka"),
                k -> at(k, "/spec/kafka").put("replicas", 3));
        assertThat(problems).singleElement().asString().contains("replicas");
    }

    @Test
    void strimziUnknownFieldInMetadata() {
        List<String> problems = problemsAfter(valid("KafkaUser", "scheduler-service"),
                u -> at(u, "/metadata").putObject("label").put("a", "b"));
        assertThat(problems).singleElement().asString().contains("label");
    }

    @Test
    void strimziWrongType() {
        List<String> problems = problemsAfter(valid("KafkaTopic", "rapport-tasks-v1"),
                t -> at(t, "/spec").put("partitions", "six"));
        assertThat(problems).singleElement().asString().contains("partitions").contains("integer");
    }

    @Test
    void strimziValueOutsideItsEnum() {
        List<String> problems = problemsAfter(valid("KafkaUser", "contacts-service"),
                u -> ((ArrayNode) u.at("/spec/authorization/acls/0/operations")).add("Publish"));
        assertThat(problems).isNotEmpty().allMatch(p -> p.contains("operations"));
    }

    @Test
    void strimziMissingRequiredField() {
        List<String> problems = problemsAfter(valid("KafkaNodePool", "brokers"),
                p -> at(p, "/spec").remove("roles"));
        assertThat(problems).singleElement().asString().contains("roles");
    }

    @Test
    void strimziMissingRequiredFieldOfAnAcl() {
        List<String> problems = problemsAfter(valid("KafkaUser", "interactions-service"),
                u -> at(u, "/spec/authorization/acls/0").remove("resource"));
        assertThat(problems).singleElement().asString().contains("resource");
    }


    @Test
    void cloudNativePgUnknownField() {
        List<String> problems = problemsAfter(valid("Cluster", "rapport-postgres"),
                c -> at(c, "/spec").put("replicas", 3)); // it is `instances`
        assertThat(problems).singleElement().asString().contains("replicas");
    }

    @Test
    void cloudNativePgUnknownFieldDeepInThePluginConfiguration() {
        List<String> problems = problemsAfter(valid("Cluster", "rapport-postgres"),
                c -> at(c, "/spec/plugins/0").put("walArchiver", true)); // it is `isWALArchiver`
        assertThat(problems).singleElement().asString().contains("walArchiver");
    }

    @Test
    void cloudNativePgWrongType() {
        List<String> problems = problemsAfter(valid("Cluster", "rapport-postgres"),
                c -> at(c, "/spec").put("instances", "three"));
        assertThat(problems).singleElement().asString().contains("instances");
    }

    @Test
    void cloudNativePgValueOutsideItsEnum() {
        List<String> problems = problemsAfter(valid("ScheduledBackup", "rapport-postgres-nightly"),
                b -> at(b, "/spec").put("method", "pg_dump"));
        assertThat(problems).singleElement().asString().contains("method");
    }

    @Test
    void cloudNativePgMissingRequiredField() {
        List<String> problems = problemsAfter(valid("Database", "rapport-scheduler"),
                d -> at(d, "/spec").remove("owner"));
        assertThat(problems).singleElement().asString().contains("owner");
    }

    @Test
    void cloudNativePgMissingRequiredFieldOfAManagedRole() {
        List<String> problems = problemsAfter(valid("Cluster", "rapport-postgres"),
                c -> at(c, "/spec/managed/roles/2").remove("name"));
        assertThat(problems).singleElement().asString().contains("name");
    }

    @Test
    void barmanCloudUnknownFieldDeepInTheStoreConfiguration() {
        List<String> problems = problemsAfter(valid("ObjectStore", "rapport-postgres-backups"),
                o -> at(o, "/spec/configuration").put("destination", "s3://elsewhere")); // it is `destinationPath`
        assertThat(problems).singleElement().asString().contains("destination");
    }

    @Test
    void barmanCloudValueAgainstItsPattern() {
        List<String> problems = problemsAfter(valid("ObjectStore", "rapport-postgres-backups"),
                o -> at(o, "/spec").put("retentionPolicy", "30 days"));
        assertThat(problems).singleElement().asString().contains("retentionPolicy");
    }

    @Test
    void barmanCloudMissingRequiredField() {
        List<String> problems = problemsAfter(valid("ObjectStore", "rapport-postgres-backups"),
                o -> at(o, "/spec/configuration").remove("destinationPath"));
        assertThat(problems).singleElement().asString().contains("destinationPath");
    }

    @Test
    void prometheusOperatorUnknownField() {
        List<String> problems = problemsAfter(valid("PodMonitor", "rapport-services"),
                m -> at(m, "/spec/podMetricsEndpoints/0").put("metricsPath", "/q/metrics")); // it is `path`
        assertThat(problems).singleElement().asString().contains("metricsPath");
    }

    @Test
    void prometheusOperatorWrongType() {
        List<String> problems = problemsAfter(valid("PrometheusRule", "rapport"),
                r -> at(r, "/spec/groups/0/rules/0").set("labels", r.arrayNode().add("severity=page")));
        assertThat(problems).singleElement().asString().contains("labels");
    }

    @Test
    void prometheusOperatorMissingRequiredField() {
        List<String> problems = problemsAfter(valid("PrometheusRule", "rapport"),
                r -> at(r, "/spec/groups/1/rules/0").remove("expr"));
        assertThat(problems).singleElement().asString().contains("expr");
    }
}
