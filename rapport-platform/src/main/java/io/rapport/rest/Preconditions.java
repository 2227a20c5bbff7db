package io.rapport.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/**
 * Optimistic concurrency over HTTP: a resource's version is its ETag, and a change must name the version it was
 * based on in If-Match (compared strongly: a weak tag matches nothing). Missing If-Match is 428 Precondition Required
 * (RFC 6585), a stale or weak one 412.
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
        // RFC 9110 13.1.1: If-Match compares strongly, so a weak tag (W/"3") never matches
        if (names(ifMatch, Long.toString(currentVersion), false)) {
            return;
        }
        throw HttpProblem.builder()
                .withStatus(Response.Status.PRECONDITION_FAILED)
                .withTitle(Response.Status.PRECONDITION_FAILED.getReasonPhrase())
                .withDetail("The resource has changed: its current ETag is \"" + currentVersion + "\"")
                .withHeader("ETag", etag(currentVersion).toString())
                .build();
    }

    /**
     * Whether a list of entity tags (If-Match, If-None-Match) names {@code current}: {@code *} names any; a weak
     * tag ({@code W/"3"}) only when {@code weakComparison} (If-None-Match, RFC 9110 13.1.2).
     */
    static boolean names(String tagList, String current, boolean weakComparison) {
        for (String candidate : tagList.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            boolean weak = tag.startsWith("W/");
            if ((weakComparison || !weak) && unquote(weak ? tag.substring(2) : tag).equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static String unquote(String tag) {
        return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1)
                : tag;
    }
}
