package io.rapport.scheduler.health.service;

import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.rapport.scheduler.health.config.HealthConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The real health settings, with their defaults, as a unit test gets them: without a running application. */
final class TestHealthConfig {

    private TestHealthConfig() {
    }

    static HealthConfig defaults() {
        return with(Map.of());
    }

    static HealthConfig with(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(HealthConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter()) // "72h", as Quarkus reads it
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build()
                .getConfigMapping(HealthConfig.class);
    }
}
