package io.rapport.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The CloudNativePG cluster: the four databases with their own roles, high availability and backups in prod. */
class PostgresTest {

    private static final Set<String> DATABASES = Set.of("contacts", "interactions", "feedback", "scheduler");

    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void oneDatabaseAndOneRolePerService(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        ObjectNode cluster = manifests.get("Cluster", "rapport-postgres");
        Set<String> roles = new TreeSet<>();
        cluster.at("/spec/managed/roles").forEach(r -> {
            roles.add(r.path("name").asText());
            assertThat(r.path("superuser").asBoolean(false)).isFalse();
            assertThat(r.path("createrole").asBoolean(false)).isFalse();
            assertThat(r.path("ensure").asText("present")).isEqualTo("present");
        });
        assertThat(roles).isEqualTo(DATABASES);
        Set<String> databases = new TreeSet<>();
        manifests.ofKind("Database").forEach(d -> {
            databases.add(d.at("/spec/name").asText());
            assertThat(d.at("/spec/owner").asText()).isEqualTo(d.at("/spec/name").asText());
            assertThat(d.at("/spec/databaseReclaimPolicy").asText()).isEqualTo("retain");
        });
        assertThat(databases).isEqualTo(DATABASES);
        // each role may reach its own database only
        JsonNode hba = cluster.at("/spec/postgresql/pg_hba");
        for (String db : DATABASES) {
            assertThat(hba).anyMatch(l -> l.asText().equals("hostssl " + db + " " + db + " all scram-sha-256"));
        }
        assertThat(hba).anyMatch(l -> l.asText().startsWith("host all ") && l.asText().endsWith(" reject"));
        assertThat(cluster.at("/spec/enableSuperuserAccess").asBoolean(true)).isFalse();
        assertThat(cluster.at("/spec/imageName").asText()).matches(i -> Images.isPinned(i), "a pinned image");
    }

    /** All pods of all services at their autoscalers' maximum, each with a full pool, still fit in max_connections. */
    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/dev", "overlays/prod" })
    void connectionsFitWhenEverythingIsScaledOut(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);
        int total = 0;
        for (String service : ServiceConfig.SERVICES) {
            int maxPods = manifests.get("HorizontalPodAutoscaler", service).at("/spec/maxReplicas").asInt();
            JsonNode container = manifests.get("Deployment", service).at("/spec/template/spec/containers/0");
            total += maxPods * Integer.parseInt(manifests.environment(container).get("RAPPORT_DB_POOL_MAX"));
        }
        int maxConnections = Integer.parseInt(
                manifests.get("Cluster", "rapport-postgres").at("/spec/postgresql/parameters/max_connections").asText());
        // headroom for the operator, replication, superuser-reserved slots and an operator's psql
        assertThat(total + 20).as("connections at full scale-out in %s", kustomization).isLessThanOrEqualTo(maxConnections);
    }

    /**
     * PostgreSQL lets its WAL grow to max_wal_size between checkpoints (and beyond while archiving lags), and keeps
     * wal_keep_size more for the replicas (512MB unless set: the operator's default): that has to fit in the WAL
     * volume with room to spare, or a burst of writes fills the disk and stops the primary.
     */
    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/dev", "overlays/prod" })
    void theWalBetweenCheckpointsFitsInTheWalVolume(String kustomization) {
        JsonNode spec = Manifests.of(kustomization).get("Cluster", "rapport-postgres").path("spec");
        long maxWal = bytes(spec.at("/postgresql/parameters/max_wal_size").asText("1GB"));
        long keptForReplicas = bytes(spec.at("/postgresql/parameters/wal_keep_size").asText("512MB"));
        long volume = bytes(spec.at("/walStorage/size").asText());
        assertThat(maxWal * 2 + keptForReplicas)
                .as("twice max_wal_size and wal_keep_size against walStorage in %s", kustomization)
                .isLessThanOrEqualTo(volume);
        assertThat(spec.at("/postgresql/parameters/wal_compression").asText()).isEqualTo("lz4");
    }

    /** A size as PostgreSQL ("4GB", "512MB") or Kubernetes ("10Gi", "512Mi") writes it, in bytes. */
    private static long bytes(String size) {
        Matcher m = Pattern.compile("(\\d+)\\s*([KMGT])(B|i)").matcher(size);
        assertThat(m.matches()).as("a size: %s", size).isTrue();
        return Long.parseLong(m.group(1)) << (10 * ("KMGT".indexOf(m.group(2)) + 1));
    }

    private static final String BARMAN_CLOUD = "barman-cloud.cloudnative-pg.io";

    @Test
    void productionIsHighlyAvailableAndBackedUp() {
        Manifests manifests = Manifests.of("overlays/prod");
        JsonNode spec = manifests.get("Cluster", "rapport-postgres").path("spec");
        assertThat(spec.path("instances").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(spec.at("/affinity/enablePodAntiAffinity").asBoolean()).isTrue();
        assertThat(spec.at("/affinity/podAntiAffinityType").asText()).isEqualTo("required");
        // WAL archiving and base backups through the Barman Cloud plugin, into an ObjectStore that exists
        assertThat(spec.has("backup")).as("no in-tree backup (deprecated since CloudNativePG 1.26)").isFalse();
        JsonNode plugin = spec.at("/plugins/0");
        assertThat(plugin.path("name").asText()).isEqualTo(BARMAN_CLOUD);
        assertThat(plugin.path("isWALArchiver").asBoolean()).isTrue();
        ObjectNode store = manifests.get("ObjectStore", plugin.at("/parameters/barmanObjectName").asText());
        assertThat(store.at("/spec/configuration/destinationPath").asText()).startsWith("s3://");
        assertThat(store.at("/spec/configuration/s3Credentials/accessKeyId/name").asText()).isNotBlank();
        assertThat(store.at("/spec/retentionPolicy").asText()).matches("\\d+[dwm]");
        assertThat(store.at("/spec/instanceSidecarConfiguration/resources/limits/memory").asText()).isNotBlank();
        ObjectNode backup = manifests.get("ScheduledBackup", "rapport-postgres-nightly");
        assertThat(backup.at("/spec/cluster/name").asText()).isEqualTo("rapport-postgres");
        assertThat(backup.at("/spec/method").asText()).isEqualTo("plugin");
        assertThat(backup.at("/spec/pluginConfiguration/name").asText()).isEqualTo(BARMAN_CLOUD);
        assertThat(backup.at("/spec/schedule").asText().split(" ")).as("six-field cron").hasSize(6);
        assertThat(manifests.get("PrometheusRule", "rapport-postgres-backups")).as("the backup alert").isNotNull();
    }

    /** Development has no object store: nothing archives WAL, takes backups or alerts on them. */
    @Test
    void developmentHasNoBackups() {
        Manifests manifests = Manifests.of("overlays/dev");
        assertThat(manifests.get("Cluster", "rapport-postgres").path("spec").has("plugins")).isFalse();
        assertThat(manifests.ofKind("ObjectStore")).isEmpty();
        assertThat(manifests.ofKind("ScheduledBackup")).isEmpty();
        assertThat(manifests.ofKind("PrometheusRule")).extracting(Manifests::name).doesNotContain("rapport-postgres-backups");
    }

    /** The PostgreSQL image is a fixed release, so that an operator upgrade never changes it by itself. */
    @ParameterizedTest
    @ValueSource(strings = { "overlays/dev", "overlays/prod" })
    void postgresImageIsPinned(String overlay) {
        String image = Manifests.of(overlay).get("Cluster", "rapport-postgres").at("/spec/imageName").asText();
        assertThat(image).as("imageName names a major.minor release").matches(".+:\\d+\\.\\d+([-.].+)?");
    }
}
