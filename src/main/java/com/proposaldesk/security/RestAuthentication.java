package com.proposaldesk.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic against the engine's identity service for the engine's REST API and ours: the engine
 * runs each request as the authenticated user with their groups; anonymous calls get 401.
 */
@Configuration
public class RestAuthentication {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter(ObjectProvider<ProcessEngine> engine) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ThisEngineAuthenticationFilter(engine));
        registration.setName("proposal-desk-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*", "/api/*");
        return registration;
    }

    /**
     * Authenticates against this application's engine rather than whichever engine the JVM-wide registry
     * holds under the name "default" (several application contexts in one JVM, as in tests, each register one).
     */
    static class ThisEngineAuthenticationFilter extends ProcessEngineAuthenticationFilter {

        private final ObjectProvider<ProcessEngine> engine;

        /** The engine is looked up on the first request: filters are created before the database is migrated. */
        ThisEngineAuthenticationFilter(ObjectProvider<ProcessEngine> engine) {
            this.engine = engine;
        }

        @Override
        protected ProcessEngine getAddressedEngine(String engineName) {
            return engine.getObject();
        }
    }
}
