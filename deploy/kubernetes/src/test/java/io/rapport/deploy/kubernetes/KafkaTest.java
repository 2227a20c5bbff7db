package io.rapport.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Kafka cluster, topics and users: KRaft node pools, one KafkaTopic per topic the code uses with production
 * durability, and per service a KafkaUser whose ACLs grant exactly what the service does.
 */
class KafkaTest {

    /** What each service does on Kafka (the consumers of interactions and feedback are coming: granted already). */
    private static final Map<String, Access> ACCESS = Map.of(
            "contacts-service", new Access(Set.of("rapport.contacts.v1", "rapport.contacts.dlq.v1"), Set.of(), Set.of()),
            "interactions-service", new Access(Set.of("rapport.interactions.v1", "rapport.interactions.dlq.v1"),
                    Set.of("rapport.contacts.v1"), Set.of("interactions-service")),
            "feedback-service", new Access(Set.of("rapport.feedback.v1", "rapport.feedback.dlq.v1"),
                    Set.of("rapport.contacts.v1"), Set.of("feedback-service")),
            "scheduler-service", new Access(Set.of("rapport.tasks.v1", "rapport.scheduler.dlq.v1"),
                    Set.of("rapport.contacts.v1", "rapport.interactions.v1", "rapport.feedback.v1"),
                    Set.of("scheduler-service")));

    /** The integrator template: reads the four event topics (not the dead letters), as its own group, writes nothing. */
    private static final Access INTEGRATOR = new Access(Set.of(),
            Set.of("rapport.contacts.v1", "rapport.interactions.v1", "rapport.feedback.v1", "rapport.tasks.v1"),
            Set.of("rapport-integrator"));

    record Access(Set<String> writes, Set<String> reads, Set<String> groups) {
    }

    private static Map<String, Access> users() {
        Map<String, Access> users = new TreeMap<>(ACCESS);
        users.put("rapport-integrator", INTEGRATOR);
        return users;
    }

    /** The topics the code publishes to (the Topic enum) and the dead-letter topics its consumers use. */
    private static Set<String> topicsInTheCode() throws IOException {
        Set<String> topics = publishedTopics();
        for (String service : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            topics.addAll(config.consumedTopics());
            topics.addAll(config.deadLetterTopics());
        }
        return topics;
    }

    private static Map<String, ObjectNode> topicsByName(Manifests manifests) {
        Map<String, ObjectNode> topics = new TreeMap<>();
        manifests.ofKind("KafkaTopic").forEach(t -> topics.put(t.at("/spec/topicName").asText(Manifests.name(t)), t));
        return topics;
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void everyTopicTheCodeUsesIsDeclared(String overlay) throws IOException {
        Map<String, ObjectNode> declared = topicsByName(Manifests.of(overlay));
        assertThat(declared.keySet()).containsAll(topicsInTheCode());
        Set<String> granted = new TreeSet<>();
        ACCESS.values().forEach(a -> granted.addAll(a.writes()));
        assertThat(declared.keySet()).as("every declared topic has a writer").isEqualTo(granted);
    }

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/prod" })
    void productionDurability(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);
        for (ObjectNode topic : manifests.ofKind("KafkaTopic")) {
            String name = Manifests.name(topic);
            assertThat(topic.at("/spec/replicas").asInt()).as("%s replication factor", name).isEqualTo(3);
            assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).as("%s min.insync.replicas", name).isEqualTo(2);
            if ("compact".equals(topic.at("/spec/config/cleanup.policy").asText())) {
                assertThat(topic.at("/spec/config/max.compaction.lag.ms").asLong()).as("%s compaction lag", name)
                        .isPositive();
            } else {
                assertThat(topic.at("/spec/config/retention.ms").asLong()).as("%s retention", name).isPositive();
            }
            assertThat(topic.at("/spec/partitions").asInt()).as("%s partitions", name).isGreaterThanOrEqualTo(3);
        }
        JsonNode config = manifests.get("Kafka", "rapport-kafka").at("/spec/kafka/config");
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("auto.create.topics.enable").asBoolean(true)).isFalse();
        assertThat(brokers(manifests)).isGreaterThanOrEqualTo(3);
        assertThat(controllers(manifests)).isEqualTo(3);
    }

    /**
     * Erasure reaches Kafka: the contacts topic, the only one with personal data, is compacted, so the tombstone after
     * an erased contact's last event lets the cleaner remove its records within the month data-protection law allows
     * (GDPR art. 12(3)), and keeps the tombstone long enough for a consumer away a day or more to learn of it.
     */
    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/dev", "overlays/prod" })
    void onlyTheContactsTopicIsACompactedChangelogThatForgetsErasedContacts(String kustomization) {
        Map<String, ObjectNode> topics = topicsByName(Manifests.of(kustomization));
        JsonNode contacts = topics.get("rapport.contacts.v1").at("/spec/config");
        assertThat(contacts.path("cleanup.policy").asText()).isEqualTo("compact");
        assertThat(contacts.path("max.compaction.lag.ms").asLong()).isPositive()
                .isLessThanOrEqualTo(Duration.ofDays(30).toMillis());
        assertThat(contacts.path("delete.retention.ms").asLong())
                .isGreaterThanOrEqualTo(Duration.ofDays(1).toMillis());
        topics.forEach((name, topic) -> {
            if (!name.equals("rapport.contacts.v1")) {
                assertThat(topic.at("/spec/config/cleanup.policy").asText()).as("%s cleanup.policy", name)
                        .isEqualTo("delete");
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/dev", "overlays/prod" })
    void kraftNodePoolsHoldEveryReplica(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);
        for (ObjectNode pool : manifests.ofKind("KafkaNodePool")) {
            assertThat(pool.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("rapport-kafka");
        }
        assertThat(controllers(manifests)).as("KRaft controllers").isOdd();
        int brokers = brokers(manifests);
        for (ObjectNode topic : manifests.ofKind("KafkaTopic")) {
            int replicas = topic.at("/spec/replicas").asInt();
            assertThat(replicas).as("%s replicas <= brokers", Manifests.name(topic)).isBetween(1, brokers);
            assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).as("%s min.insync.replicas", Manifests.name(topic))
                    .isBetween(1, Math.max(1, replicas - 1));
        }
        JsonNode kafka = manifests.get("Kafka", "rapport-kafka").path("spec");
        assertThat(kafka.at("/kafka/authorization/type").asText()).isEqualTo("simple");
        assertThat(kafka.at("/entityOperator/topicOperator").isObject()).isTrue();
        assertThat(kafka.at("/entityOperator/userOperator").isObject()).isTrue();
        assertThat(kafka.at("/kafkaExporter/groupRegex").asText()).as("consumer lag exported").isNotBlank();
    }

    private static int brokers(Manifests manifests) {
        return replicasWithRole(manifests, "broker");
    }

    private static int controllers(Manifests manifests) {
        return replicasWithRole(manifests, "controller");
    }

    private static int replicasWithRole(Manifests manifests, String role) {
        return manifests.ofKind("KafkaNodePool").stream()
                .filter(p -> {
                    for (JsonNode r : p.at("/spec/roles")) {
                        if (r.asText().equals(role)) {
                            return true;
                        }
                    }
                    return false;
                })
                .mapToInt(p -> p.at("/spec/replicas").asInt()).sum();
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void eachServiceMayDoExactlyWhatItDoes(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        assertThat(manifests.ofKind("KafkaUser")).extracting(Manifests::name)
                .containsExactlyInAnyOrderElementsOf(users().keySet());
        users().forEach((service, access) -> {
            Set<String> writes = new TreeSet<>();
            Set<String> reads = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            for (JsonNode acl : manifests.get("KafkaUser", service).at("/spec/authorization/acls")) {
                JsonNode resource = acl.path("resource");
                assertThat(resource.path("patternType").asText("literal")).as("%s ACLs name exact resources", service)
                        .isEqualTo("literal");
                assertThat(resource.path("name").asText()).as("%s ACL resource", service).isNotIn("*", "");
                Set<String> operations = new TreeSet<>();
                acl.path("operations").forEach(o -> operations.add(o.asText()));
                assertThat(operations).as("%s ACL on %s", service, resource).doesNotContain("All", "Alter", "Delete",
                        "AlterConfigs", "Create");
                String name = resource.path("name").asText();
                switch (resource.path("type").asText()) {
                    case "topic" -> {
                        if (operations.contains("Write")) {
                            writes.add(name);
                        }
                        if (operations.contains("Read")) {
                            reads.add(name);
                        }
                    }
                    case "group" -> groups.add(name);
                    default -> throw new AssertionError(service + ": unexpected ACL resource " + resource);
                }
            }
            assertThat(writes).as("%s writes", service).isEqualTo(access.writes());
            assertThat(reads).as("%s reads", service).isEqualTo(access.reads());
            assertThat(groups).as("%s consumer groups", service).isEqualTo(access.groups());
        });
    }

    /** The integrator may read every event topic the code publishes to. */
    @Test
    void theIntegratorReadsEveryEventTopic() throws IOException {
        assertThat(INTEGRATOR.reads()).isEqualTo(publishedTopics());
    }

    /** The event topics: those of the Topic enum. */
    private static Set<String> publishedTopics() throws IOException {
        Set<String> topics = new TreeSet<>();
        String source = Files.readString(Project.repoDir().resolve("rapport-platform/src/main/java/io/rapport/events/Topic.java"));
        Matcher m = Pattern.compile("\"(rapport\\.[a-z0-9.-]+)\"").matcher(source);
        while (m.find()) {
            topics.add(m.group(1));
        }
        assertThat(topics).as("topics in Topic.java").isNotEmpty();
        return topics;
    }

    /**
     * Kafka's version is pinned, so that upgrading the Strimzi operator never upgrades Kafka by itself, to the same
     * minor release the local stack and the tests run.
     */
    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void kafkaVersionIsPinnedToTheTestedRelease(String overlay) throws IOException {
        String version = Manifests.of(overlay).get("Kafka", "rapport-kafka").at("/spec/kafka/version").asText();
        assertThat(version).as("spec.kafka.version").matches("\\d+\\.\\d+\\.\\d+");
        String localPom = Files.readString(Project.repoDir().resolve("deploy/local/kafka/pom.xml"));
        Matcher local = Pattern.compile("<kafka.version>(\\d+\\.\\d+)\\.\\d+</kafka.version>").matcher(localPom);
        assertThat(local.find()).as("the local stack's Kafka version").isTrue();
        assertThat(version).as("same minor release as the local stack").startsWith(local.group(1) + ".");
    }

    /** The ACLs cover what the services' configuration does today, and their consumer groups. */
    @Test
    void aclsCoverTheServicesConfiguration() {
        Manifests manifests = Manifests.of("overlays/prod");
        for (String service : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            Access access = ACCESS.get(service);
            assertThat(access.writes()).as("%s writes", service).contains(config.ownTopic()).containsAll(config.deadLetterTopics());
            assertThat(access.reads()).as("%s reads", service).containsAll(config.consumedTopics());
            assertThat(access.groups()).as("%s groups", service).containsAll(config.consumerGroups());
            JsonNode container = manifests.get("Deployment", service).at("/spec/template/spec/containers/0");
            String groupId = manifests.environment(container).get("KAFKA_GROUP_ID");
            if (!access.groups().isEmpty()) {
                assertThat(access.groups()).as("%s KAFKA_GROUP_ID", service).contains(groupId);
            }
        }
    }
}
