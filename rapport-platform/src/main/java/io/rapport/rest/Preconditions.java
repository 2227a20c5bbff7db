package io.rapport.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/**
 * Optimistic concurrency over HTTP: a resource's version is its ETag, and a change must name the version it was
 * based on in If-Match. Missing If-Match is 428 Precondition Required (RFC 6585), a stale one 412.
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Throws 428 when {@code ifMatch} is absent and 412 when it does not name {@code currentVersion}. */
    public static void requireIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw HttpProblem.builder()
                    .withStatus(428)
                    .withTitle("Precondition Required")
                    .withDetail("Send If-Match with the ETag of the version you changed")
                    .build();
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || unquote(tag).equals(Long.toString(currentVersion))) {
                return;
            }
        }
        throw HttpProblem.builder()
                .withStatus(Response.Status.PRECONDITION_FAILED)
                .withTitle(Response.Status.PRECONDITION_FAILED.getReasonPhrase())
                .withDetail("The resource has changed: its current ETag is \"" + currentVersion + "\"")
                .withHeader("ETag", etag(currentVersion).toString())
                .build();
    }

    private static String unquote(String tag) {
        String value = tag.startsWith("W/") ? tag.substring(2) : tag;
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
