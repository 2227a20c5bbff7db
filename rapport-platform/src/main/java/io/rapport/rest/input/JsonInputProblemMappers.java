package io.rapport.rest.input;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Answers a body Jackson cannot read as the operation's input with {@link JsonInputProblems}, ahead of
 * quarkus-resteasy-problem's own mappers (it registers them at priority 999, this one is 900), whose answers do not
 * say where the body is wrong; the extension's post-processing applies as to its own.
 */
public class JsonInputProblemMappers {

    @ServerExceptionMapper(value = { JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class }, priority = 900)
    public Response unreadableBody(JsonProcessingException e, UriInfo uriInfo) {
        return ExceptionMapperBase.postProcessorsRegistry.applyPostProcessing(JsonInputProblems.of(e),
                ProblemContext.of(e, uriInfo)).toResponse();
    }
}
