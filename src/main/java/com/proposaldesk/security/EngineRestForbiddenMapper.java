package com.proposaldesk.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The engine's REST API answers a refused permission with 403 and an English message that Tasklist and Cockpit
 * show as they are; this answers in the same format (type, message, userId) with the message in Chinese.
 */
@Provider
@Priority(1)
public class EngineRestForbiddenMapper implements ExtendedExceptionMapper<AuthorizationException> {

    @Override
    public boolean isMappable(AuthorizationException exception) {
        return true;
    }

    @Override
    public Response toResponse(AuthorizationException exception) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", AuthorizationException.class.getSimpleName());
        body.put("message", AuthorizationMessages.of(exception));
        body.put("code", exception.getCode());
        body.put("userId", exception.getUserId());
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
