package io.rapport.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the Prometheus Operator is given: every service, the Kafka cluster with its exporter and every PostgreSQL
 * instance are scraped; the alerts cover what hurts users, each with a runbook line; the dashboard shows what the
 * alerts watch. (That each metric named here is one the services really serve is checked end to end, against
 * their /q/metrics, by the scheduler's SuiteEndToEndIT.)
 */
class MonitoringTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The labels and port Strimzi gives the Kafka Exporter's pod (documented by Strimzi, set by its operator). */
    private static final ObjectNode KAFKA_EXPORTER_POD = JSON.objectNode().put("strimzi.io/cluster", "rapport-kafka")
            .put("strimzi.io/kind", "Kafka").put("strimzi.io/name", "rapport-kafka-kafka-exporter");
    /** The labels and port CloudNativePG gives an instance of the cluster. */
    private static final ObjectNode POSTGRES_INSTANCE_POD = JSON.objectNode().put("cnpg.io/cluster", "rapport-postgres")
            .put("cnpg.io/podRole", "instance").put("role", "primary");

    /** What hurts users, and what in an alert's expression shows that the alert watches it. */
    private static final Map<String, String> MUST_PAGE_ON = Map.of(
            "a service down", "up{",
            "server errors", "status=~\"5..\"",
            "p99 latency", "histogram_quantile(0.99",
            "events not reaching Kafka", "rapport_outbox_oldest_age_seconds",
            "no Kafka broker reached", "rapport_kafka_broker_reachable",
            "consumer lag", "kafka_consumergroup_lag",
            "dead letters", "rapport_events_dead_lettered_total",
            "no backup in 26 h", "last_available_backup_timestamp");

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void everyServiceIsScrapedOnItsMetricsEndpoint(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (ObjectNode deployment : manifests.ofKind("Deployment")) {
            JsonNode pod = deployment.at("/spec/template");
            ObjectNode monitor = monitorOf(manifests, pod.at("/metadata/labels"), Manifests.name(deployment));
            JsonNode endpoint = monitor.at("/spec/podMetricsEndpoints/0");
            assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
            assertThat(containerPorts(pod)).as("%s port", Manifests.name(deployment)).contains(endpoint.path("port").asText());
            // the job label is the service's name, which the alerts and the dashboard group by
            assertThat(pod.at("/metadata/labels").path(monitor.at("/spec/jobLabel").asText()).asText())
                    .isEqualTo(Manifests.name(deployment));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void kafkaItsExporterAndPostgresAreScraped(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        assertThat(monitorOf(manifests, KAFKA_EXPORTER_POD, "the Kafka Exporter").at("/spec/podMetricsEndpoints/0/port")
                .asText()).isEqualTo("tcp-prometheus");
        assertThat(monitorOf(manifests, POSTGRES_INSTANCE_POD, "a PostgreSQL instance")
                .at("/spec/podMetricsEndpoints/0/port").asText()).isEqualTo("metrics");
        assertThat(manifests.get("Kafka", "rapport-kafka").at("/spec/kafkaExporter").isObject()).isTrue();
        assertThat(manifests.get("Kafka", "rapport-kafka").at("/spec/kafka/metricsConfig/type").asText())
                .isEqualTo("strimziMetricsReporter");
    }

    @Test
    void everyAlertHasASeverityASummaryAndARunbookLineTheReadmeRepeats() throws IOException {
        String readme = Files.readString(Project.deployDir().resolve("README.md"));
        List<JsonNode> alerts = alerts(Manifests.of("overlays/prod"));
        assertThat(alerts).isNotEmpty();
        for (JsonNode alert : alerts) {
            String name = alert.path("alert").asText();
            assertThat(alert.at("/labels/severity").asText()).as("%s severity", name).isIn("page", "ticket");
            for (String annotation : List.of("summary", "description", "runbook")) {
                assertThat(alert.path("annotations").path(annotation).asText()).as("%s %s", name, annotation).isNotBlank();
            }
            assertThat(readme).as("README.md lists alert %s", name).contains("`" + name + "`");
        }
    }

    @Test
    void theAlertsPageOnWhatHurtsUsers() {
        List<String> expressions = alerts(Manifests.of("overlays/prod")).stream().map(a -> a.path("expr").asText()).toList();
        MUST_PAGE_ON.forEach((what, sign) -> assertThat(expressions).as("an alert on %s", what)
                .anySatisfy(e -> assertThat(e).contains(sign)));
    }

    @Test
    void theDashboardShowsWhatTheAlertsWatch() throws IOException {
        ObjectNode configMap = Manifests.of("overlays/prod").get("ConfigMap", "rapport-grafana-dashboard");
        assertThat(configMap.at("/metadata/labels/grafana_dashboard").asText()).as("found by Grafana's sidecar").isEqualTo("1");
        JsonNode dashboard = new ObjectMapper().readTree(configMap.at("/data/rapport.json").asText());
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.path("title").asText()).isNotBlank();
            assertThat(panel.at("/datasource/uid").asText()).as("%s data source", panel.path("title")).isEqualTo("${datasource}");
            assertThat(panel.path("targets")).as("%s queries", panel.path("title")).isNotEmpty();
            panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText()));
        }
        String queried = String.join("\n", expressions);
        for (JsonNode alert : alerts(Manifests.of("overlays/prod"))) {
            for (String metric : metricNames(alert.path("expr").asText())) {
                assertThat(queried).as("the dashboard shows %s (alert %s)", metric, alert.path("alert").asText())
                        .contains(metric);
            }
        }
    }

    /** Only the survey pages and the public survey API are reachable from outside, and they reach feedback-service. */
    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void theIngressExposesOnlyThePublicSurveyLinks(String overlay) throws IOException {
        String resource = Files.readString(Project.repoDir()
                .resolve("feedback-service/src/main/java/io/rapport/feedback/rest/PublicSurveyResource.java"));
        Matcher path = Pattern.compile("@Path\\(\"(/api/v1/public/[a-z]+)/").matcher(resource);
        assertThat(path.find()).as("the public resource's path").isTrue();
        Matcher page = Pattern.compile("PAGE_PATH = \"(/[a-z]+/)\"").matcher(Files.readString(Project.repoDir()
                .resolve("feedback-service/src/main/java/io/rapport/feedback/delivery/SurveyLinks.java")));
        assertThat(page.find()).as("the survey page's path").isTrue();
        List<String> paths = new ArrayList<>();
        Manifests manifests = Manifests.of(overlay);
        assertThat(manifests.ofKind("Ingress")).hasSize(1);
        JsonNode ingress = manifests.ofKind("Ingress").get(0);
        for (JsonNode rule : ingress.at("/spec/rules")) {
            assertThat(ingress.at("/spec/tls/0/hosts").toString()).as("served over TLS").contains(rule.path("host").asText());
            for (JsonNode p : rule.at("/http/paths")) {
                paths.add(p.path("path").asText());
                assertThat(p.path("pathType").asText()).isEqualTo("Prefix");
                assertThat(p.at("/backend/service/name").asText()).isEqualTo("feedback-service");
                assertThat(p.at("/backend/service/port/name").asText()).isEqualTo("http");
            }
        }
        assertThat(paths).containsExactlyInAnyOrder(path.group(1) + "/", page.group(1));
    }

    private static ObjectNode monitorOf(Manifests manifests, JsonNode podLabels, String what) {
        List<ObjectNode> monitors = manifests.ofKind("PodMonitor").stream()
                .filter(m -> Manifests.selects(m.at("/spec/selector"), podLabels)).toList();
        assertThat(monitors).as("PodMonitors selecting %s", what).hasSize(1);
        return monitors.get(0);
    }

    private static Set<String> containerPorts(JsonNode pod) {
        Set<String> ports = new TreeSet<>();
        pod.at("/spec/containers").forEach(c -> c.path("ports").forEach(p -> ports.add(p.path("name").asText())));
        return ports;
    }

    private static List<JsonNode> alerts(Manifests manifests) {
        List<JsonNode> alerts = new ArrayList<>();
        for (ObjectNode rule : manifests.ofKind("PrometheusRule")) {
            rule.at("/spec/groups").forEach(g -> g.path("rules").forEach(r -> {
                if (r.has("alert")) {
                    alerts.add(r);
                }
            }));
        }
        return alerts;
    }

    private static final Pattern RAPPORT_METRIC = Pattern.compile("\\b(rapport_[a-z_]+|http_server_[a-z_]+|kafka_consumergroup_[a-z_]+|barman_cloud_[a-z_]+)\\b");

    /** The metric names of an expression that Rapport, the Kafka Exporter or the backup plugin serve. */
    private static Set<String> metricNames(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher m = RAPPORT_METRIC.matcher(expression);
        while (m.find()) {
            names.add(m.group(1).replaceAll("_(bucket|count|sum|max)$", ""));
        }
        return names;
    }
}
