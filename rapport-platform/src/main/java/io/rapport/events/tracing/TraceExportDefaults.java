package io.rapport.events.tracing;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Spans are recorded only where they can go: without an OTLP endpoint ({@code OTEL_EXPORTER_OTLP_ENDPOINT}) the
 * sampler is {@code always_off}, so no span is kept or exported and nothing calls a collector that is not there,
 * while trace ids still travel (traceparent on HTTP and on every event) and reach the logs. With an endpoint,
 * Quarkus's own default applies ({@code parentbased_always_on}). The lowest ordinal: a sampler set anywhere else
 * wins.
 */
public class TraceExportDefaults implements ConfigSource {

    static final String SAMPLER = "quarkus.otel.traces.sampler";

    private final Map<String, String> properties = exportConfigured() ? Map.of() : Map.of(SAMPLER, "always_off");

    private static boolean exportConfigured() {
        for (String variable : new String[] { "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT" }) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        return System.getProperty("quarkus.otel.exporter.otlp.endpoint") != null
                || System.getProperty("quarkus.otel.exporter.otlp.traces.endpoint") != null;
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "rapport-trace-export-defaults";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
