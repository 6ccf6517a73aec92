package com.proposaldesk.web;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * The engine's REST API (ours at {@code /engine-rest} and the webapps' behind Tasklist and Cockpit) answers a lost
 * database with 503 and a Chinese message in its own error format, instead of 500 and the driver's English text.
 * One mapper per exception type the engine's own mappers handle, so that ours is as near to the exception as theirs.
 */
public abstract class DatabaseUnavailableMapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableMapper.class);

    @Override
    public boolean isMappable(E exception) {
        return DatabaseUnavailable.isCause(exception);
    }

    @Override
    public Response toResponse(E exception) {
        LOG.warn("Request refused, the database is unavailable: {}", DatabaseUnavailable.describe(exception));
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", "ServiceUnavailable",
                        "message", DatabaseUnavailable.MESSAGE))
                .build();
    }

    @Provider
    @Priority(1)
    public static class FromEngine extends DatabaseUnavailableMapper<ProcessEngineException> {
    }

    @Provider
    @Priority(1)
    public static class FromRestResource extends DatabaseUnavailableMapper<RestException> {
    }

    /** Spring's transaction manager fails before the engine runs: not a {@link ProcessEngineException}. */
    @Provider
    @Priority(1)
    public static class FromAnything extends DatabaseUnavailableMapper<Throwable> {
    }
}
