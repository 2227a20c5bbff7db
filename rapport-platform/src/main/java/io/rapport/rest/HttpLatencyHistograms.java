package io.rapport.rest;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * HTTP server latency as a Prometheus histogram ({@code http_server_requests_seconds_bucket}), so that percentiles
 * across pods can be asked of PromQL ({@code histogram_quantile}); a summary's percentiles cannot be aggregated.
 */
public class HttpLatencyHistograms {

    @Produces
    @Singleton
    MeterFilter httpServerHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
            }
        };
    }
}
