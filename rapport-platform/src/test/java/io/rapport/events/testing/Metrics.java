package io.rapport.events.testing;

import static io.restassured.RestAssured.given;

import java.util.Arrays;

/** Reads the service's Prometheus metrics (/q/metrics) as a test would scrape them. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * The sum of every series of the metric whose labels include all of {@code labels} (each {@code name="value"});
     * 0 when there is none yet.
     */
    public static double sum(String metric, String... labels) {
        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return scrape.lines()
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(Metrics::value)
                .sum();
    }

    /** The sample's value: the first field after the name and labels (an exemplar may follow it after a '#'). */
    private static double value(String line) {
        int labelsEnd = line.indexOf('}');
        String rest = line.substring(labelsEnd < 0 ? line.indexOf(' ') : labelsEnd + 1).trim();
        return Double.parseDouble(rest.split("\\s+", 2)[0]);
    }
}
