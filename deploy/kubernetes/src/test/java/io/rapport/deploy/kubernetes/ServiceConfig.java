package io.rapport.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service reads, from its sources: the shared defaults (rapport-platform's microprofile-config.properties)
 * and its own application.properties, with the profiles that do not run in production (%test, %dev) left out.
 */
record ServiceConfig(String service, Map<String, String> properties) {

    static final List<String> SERVICES = List.of("contacts-service", "interactions-service", "feedback-service",
            "scheduler-service");

    /**
     * Settings the services need in production that their configuration names without a default: SmallRye JWT
     * reads mp.jwt.verify.publickey.location, set in the sources for tests only.
     */
    static final Set<String> REQUIRED_WITHOUT_DEFAULT = Set.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION");

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.(topic|topics|group\\.id|dead-letter-queue\\.topic)");
    private static final Pattern DEFAULT_VALUE = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*:([^}]*)}");

    static ServiceConfig of(String service) {
        Map<String, String> properties = new LinkedHashMap<>();
        load(Project.repoDir().resolve("rapport-platform/src/main/resources/META-INF/microprofile-config.properties"), properties);
        load(Project.repoDir().resolve(service + "/src/main/resources/application.properties"), properties);
        return new ServiceConfig(service, properties);
    }

    private static void load(Path file, Map<String, String> into) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
        properties.stringPropertyNames().stream().sorted().forEach(key -> {
            if (key.startsWith("%test.") || key.startsWith("%dev.")) {
                return;
            }
            into.put(key.startsWith("%prod.") ? key.substring("%prod.".length()) : key, properties.getProperty(key));
        });
    }

    /** The environment variables this service's configuration refers to ({@code ${NAME}} or {@code ${NAME:default}}). */
    Set<String> environmentVariables() {
        Set<String> names = new TreeSet<>();
        properties.values().forEach(value -> {
            Matcher m = ENV_REFERENCE.matcher(value);
            while (m.find()) {
                names.add(m.group(1));
            }
        });
        return names;
    }

    /** The topic the service's outbox publishes to. */
    String ownTopic() {
        return properties.get("mp.messaging.outgoing.events-out.topic");
    }

    /** The topics its consumers read. */
    Set<String> consumedTopics() {
        return incoming("topic", "topics");
    }

    /** The dead-letter topics its consumers write. */
    Set<String> deadLetterTopics() {
        return incoming("dead-letter-queue.topic");
    }

    /** Its consumer groups, as configured by default (the value after ':' of a ${VAR:default}). */
    Set<String> consumerGroups() {
        Set<String> groups = new TreeSet<>();
        for (String value : incoming("group.id")) {
            Matcher m = DEFAULT_VALUE.matcher(value);
            groups.add(m.matches() ? m.group(1) : value);
        }
        return groups;
    }

    private Set<String> incoming(String... attributes) {
        Set<String> values = new TreeSet<>();
        Set<String> wanted = Set.of(attributes);
        properties.forEach((key, value) -> {
            Matcher m = INCOMING.matcher(key);
            if (m.matches() && wanted.contains(m.group(2))) {
                for (String v : value.split(",")) {
                    if (!v.isBlank()) {
                        values.add(v.trim());
                    }
                }
            }
        });
        return values;
    }
}
