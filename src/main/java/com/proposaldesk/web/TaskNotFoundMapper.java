package com.proposaldesk.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;

/**
 * Opening a task that is done or that belongs to another department (Tasklist by its address, a stale link in an
 * e-mail) gets the engine's 404 "No matching task with id …"; this tells the user the same in Chinese.
 */
@Provider
@Priority(1)
public class TaskNotFoundMapper implements ExtendedExceptionMapper<RestException> {

    public static final String MESSAGE = "该任务不存在：可能已办理完毕，或不属于您所在的处室。请刷新待办列表";

    /** {@code task/{id}} and what hangs under it, of {@code /engine-rest} and of the webapps' engine API. */
    private static final Pattern TASK = Pattern.compile("(?:^|/)task/[^/]+(?:/[^/]+)?/?$");

    @Context
    private UriInfo uri;
    @Context
    private Request request;

    @Override
    public boolean isMappable(RestException exception) {
        return exception.getStatus() == Response.Status.NOT_FOUND && TASK.matcher(uri.getPath()).find();
    }

    @Override
    public Response toResponse(RestException exception) {
        EngineRestErrors.logRefusal(request, uri, Response.Status.NOT_FOUND.getStatusCode(), MESSAGE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "TaskNotFound");
        body.put("message", MESSAGE);
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
