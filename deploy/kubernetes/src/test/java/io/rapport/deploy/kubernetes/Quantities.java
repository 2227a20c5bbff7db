package io.rapport.deploy.kubernetes;

import java.math.BigDecimal;
import java.util.Map;

/** Kubernetes resource quantities ("500m", "1", "512Mi", "2Gi"), enough of them for the policy checks. */
final class Quantities {

    private static final Map<String, Long> BINARY = Map.of("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30, "Ti", 1L << 40);
    private static final Map<String, Long> DECIMAL = Map.of("k", 1_000L, "M", 1_000_000L, "G", 1_000_000_000L);

    private Quantities() {
    }

    static long bytes(String quantity) {
        for (var e : BINARY.entrySet()) {
            if (quantity.endsWith(e.getKey())) {
                return new BigDecimal(quantity.substring(0, quantity.length() - 2)).multiply(BigDecimal.valueOf(e.getValue())).longValue();
            }
        }
        for (var e : DECIMAL.entrySet()) {
            if (quantity.endsWith(e.getKey())) {
                return new BigDecimal(quantity.substring(0, quantity.length() - 1)).multiply(BigDecimal.valueOf(e.getValue())).longValue();
            }
        }
        return new BigDecimal(quantity).longValue();
    }

    static long millicores(String quantity) {
        if (quantity.endsWith("m")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 1));
        }
        return new BigDecimal(quantity).multiply(BigDecimal.valueOf(1000)).longValue();
    }
}
