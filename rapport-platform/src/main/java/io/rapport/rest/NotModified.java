package io.rapport.rest;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Conditional reads (RFC 9110 13.1.2): a GET or HEAD whose If-None-Match names the ETag the response carries is
 * answered 304 Not Modified with that ETag and no body, so a client that cached a resource revalidates it without
 * downloading it again. If-None-Match compares weakly ({@code W/"3"} matches {@code "3"}) and {@code *} matches any
 * current representation. Only a 200 with an ETag qualifies: every by-id read sets one (its version).
 */
public class NotModified {

    @ServerResponseFilter
    public void answerNotModified(ContainerRequestContext request, ContainerResponseContext response) {
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch == null || response.getStatus() != 200 || !isRead(request.getMethod())) {
            return;
        }
        EntityTag current = response.getEntityTag();
        if (current != null && Preconditions.names(ifNoneMatch, current.getValue(), true)) {
            response.setStatusInfo(Response.Status.NOT_MODIFIED);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        }
    }

    private static boolean isRead(String method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }
}
