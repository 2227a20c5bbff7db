package io.rapport.feedback.rest;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.rapport.feedback.service.PublicRateLimiter;
import io.rapport.feedback.service.PublicSurveyService;
import io.rapport.feedback.service.SurveyLinkNotOpen;
import io.rapport.rest.input.UnreadBody;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * What anyone on the internet may send the public survey endpoints is answered from the link first: the rate limits
 * (per address, per link) are taken and the token is looked up before the body is read, or even measured
 * ({@code BodyLimits} comes after this). A link that leads to no open survey is 404 or 410 whatever the request
 * carries, so guessing tokens with large bodies costs the service a lookup, not the body.
 */
public class SurveyLinkGate {

    private final PublicRateLimiter rateLimiter;
    private final PublicSurveyService surveys;

    public SurveyLinkGate(PublicRateLimiter rateLimiter, PublicSurveyService surveys) {
        this.rateLimiter = rateLimiter;
        this.surveys = surveys;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public void admit(SimpleResourceInfo resource, ContainerRequestContext request, RoutingContext context) {
        if (resource == null || resource.getResourceClass() == null
                || !resource.getResourceClass().isAnnotationPresent(PublicSurveyLink.class)) {
            return;
        }
        String token = request.getUriInfo().getPathParameters().getFirst("token");
        SocketAddress client = context.request().remoteAddress();
        try {
            rateLimiter.acquire(client == null ? null : client.hostAddress(), token);
            surveys.open(token);
        } catch (RuntimeException refused) {
            UnreadBody.closeAfterAnswer(context);
            throw refused;
        }
    }

    /** The API's answer to a closed link (the survey page answers with a page of its own). */
    @ServerExceptionMapper
    public Response notOpen(SurveyLinkNotOpen notOpen, UriInfo uriInfo) {
        return ExceptionMapperBase.postProcessorsRegistry.applyPostProcessing(PublicSurveyService.problem(notOpen),
                ProblemContext.of(notOpen, uriInfo)).toResponse();
    }
}
