package io.rapport.rest.input;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.ws.rs.core.Response;

/**
 * Answers a body Jackson cannot read as the operation's input with {@link JsonInputProblems}, ahead of
 * quarkus-resteasy-problem's own mappers (priority below its 4999), whose answers do not say where the body is wrong.
 */
public class JsonInputProblemMappers {

    @ServerExceptionMapper(value = { JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class }, priority = 4000)
    public Response unreadableBody(JsonProcessingException e) {
        return JsonInputProblems.of(e).toResponse();
    }
}
