package com.proposaldesk.web;

import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

import com.proposaldesk.security.EngineRestForbiddenMapper;

import jakarta.ws.rs.core.FeatureContext;

/**
 * Registers our error mappers in every JAX-RS application of the engine's REST API: {@code /engine-rest} and the
 * webapps' own copy under {@code /camunda/api/engine}, which Tasklist calls, so that a user sees the same Chinese
 * message in Tasklist as a client of {@code /engine-rest}. Jersey finds this class through
 * {@code META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable}.
 */
public class EngineRestMappers implements ForcedAutoDiscoverable {

    private static final Class<?>[] MAPPERS = {
        RejectedInputMapper.FromEngine.class, RejectedInputMapper.FromRestResource.class,
        TaskConflictMapper.FromEngine.class, TaskConflictMapper.FromRestResource.class, TaskConflictMapper.FromAnything.class,
        DatabaseUnavailableMapper.FromEngine.class, DatabaseUnavailableMapper.FromRestResource.class,
        DatabaseUnavailableMapper.FromAnything.class,
        EngineRestForbiddenMapper.FromEngine.class, EngineRestForbiddenMapper.FromRestResource.class,
        TaskNotFoundMapper.class,
        EngineRestErrors.FromEngine.class, EngineRestErrors.FromRestResource.class, EngineRestErrors.FromAnything.class,
        EngineRestErrors.WeakPassword.class, EngineRestErrors.UnreadableJson.class, EngineRestErrors.MistypedJson.class,
    };

    @Override
    public void configure(FeatureContext context) {
        for (Class<?> mapper : MAPPERS) {
            if (!context.getConfiguration().isRegistered(mapper)) {
                context.register(mapper);
            }
        }
    }
}
