package io.rapport.interactions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rapport.interactions")
public interface InteractionsConfig {

    /** Most items one page of a list or timeline returns. */
    @WithDefault("200")
    int maxPageSize();

    /** How far in the future an interaction's occurredAt may lie (clock skew between devices), in minutes. */
    @WithDefault("5")
    int clockSkewMinutes();
}
