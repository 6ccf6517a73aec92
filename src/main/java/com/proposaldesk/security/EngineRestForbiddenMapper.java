package com.proposaldesk.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The engine's REST API answers a refused permission with 403 and an English message that Tasklist and Cockpit
 * show as they are (some resources pass on only its text, in a 403 of their own); this answers in the same format (type,
 * message, userId) with the message in Chinese.
 */
public abstract class EngineRestForbiddenMapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

    @Override
    public boolean isMappable(E exception) {
        return refusal(exception) != null
                || exception instanceof RestException rest && rest.getStatus() == Response.Status.FORBIDDEN;
    }

    @Override
    public Response toResponse(E exception) {
        AuthorizationException refusal = refusal(exception);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", AuthorizationException.class.getSimpleName());
        body.put("message", refusal == null ? AuthorizationMessages.GENERIC : AuthorizationMessages.of(refusal));
        if (refusal != null) {
            body.put("userId", refusal.getUserId());
        }
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static AuthorizationException refusal(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AuthorizationException refusal) {
                return refusal;
            }
        }
        return null;
    }

    @Provider
    @Priority(1)
    public static class FromEngine extends EngineRestForbiddenMapper<AuthorizationException> {
    }

    @Provider
    @Priority(1)
    public static class FromRestResource extends EngineRestForbiddenMapper<RestException> {
    }
}
