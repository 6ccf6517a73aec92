package com.proposaldesk.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

import com.proposaldesk.task.ProcessRuleViolation;
import com.proposaldesk.task.TaskInputRejectedException;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;

/**
 * The engine wraps whatever a listener throws in a plain {@link ProcessEngineException}, and its REST
 * API answers that (or its own {@link RestException} around it) with 500. A rejected form submission
 * is the user's mistake: these mappers answer it with 400 and our Chinese message, in the engine's
 * error format, so Tasklist shows the message as it is. Anything else goes to the engine's own mappers.
 */
public abstract class RejectedInputMapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

    @Context
    private UriInfo uri;
    @Context
    private Request request;

    @Override
    public boolean isMappable(E exception) {
        return rejection(exception) != null;
    }

    @Override
    public Response toResponse(E exception) {
        BadUserRequestException rejection = rejection(exception);
        EngineRestErrors.logRefusal(request, uri, Response.Status.BAD_REQUEST.getStatusCode(), rejection.getMessage());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", rejection instanceof TaskInputRejectedException ? "InvalidInput" : "ProcessRuleViolated");
        body.put("message", rejection.getMessage());
        body.put("code", rejection.getCode());
        if (rejection instanceof TaskInputRejectedException input) {
            body.put("errors", input.problems());
        }
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** Our own rejection anywhere in the cause chain, or null. */
    public static BadUserRequestException rejection(Throwable exception) {
        for (Throwable cause = exception; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof TaskInputRejectedException || cause instanceof ProcessRuleViolation) {
                return (BadUserRequestException) cause;
            }
        }
        return null;
    }

    @Provider
    @Priority(1)
    public static class FromEngine extends RejectedInputMapper<ProcessEngineException> {
    }

    @Provider
    @Priority(1)
    public static class FromRestResource extends RejectedInputMapper<RestException> {
    }
}
