package com.proposaldesk.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.proposaldesk.web.DatabaseUnavailable;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP Basic against the engine's identity service for the engine's REST API and ours: the engine
 * runs each request as the authenticated user with their groups; anonymous calls get 401.
 * <p>
 * A read-only request ({@code GET}/{@code HEAD}) to {@code /api/*} from a browser that is logged in to the
 * Camunda webapps (Cockpit, Tasklist) is accepted with that login instead, so that the Cockpit progress
 * board can read {@code /api/board} without asking for a password again. A write with that login must also carry the
 * session's CSRF token in the webapps' header ({@code X-XSRF-TOKEN}, as Tasklist sends it; the import page does): the
 * session cookie alone must not let another site change anything. Without the token, writes need HTTP Basic; a request
 * that sends a token that is not its session's (the login ended) gets 401 without a password prompt.
 * <p>
 * The same login guards the OpenAPI description of our API ({@code /v3/api-docs}) and the actuator's endpoints
 * (Prometheus's {@code /actuator/prometheus}), except {@code /actuator/health} for load balancers; the actuator's are
 * for the {@link ThisEngineAuthenticationFilter#OPERATORS} only.
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
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/v3/*", "/actuator/*");
        return registration;
    }

    /**
     * Authenticates against this application's engine rather than whichever engine the JVM-wide registry
     * holds under the name "default" (several application contexts in one JVM, as in tests, each register one).
     */
    static class ThisEngineAuthenticationFilter extends ProcessEngineAuthenticationFilter {

        private static final Logger LOG = LoggerFactory.getLogger(ThisEngineAuthenticationFilter.class);

        /**
         * Who may read the actuator's endpoints other than health (metrics): the office, the administrators, and a
         * technical user for Prometheus in group {@code monitoring}, which grants nothing else.
         */
        static final List<String> OPERATORS = List.of(Groups.CAMUNDA_ADMIN, CurrentUser.OFFICE_GROUP, "monitoring");

        private static final byte[] SESSION_ENDED = "{\"message\":\"登录已失效，请重新登录 Tasklist 后刷新本页再试\",\"errors\":[]}"
                .getBytes(StandardCharsets.UTF_8);

        private final ObjectProvider<ProcessEngine> engine;

        /** The engine is looked up on the first request: filters are created before the database is migrated. */
        ThisEngineAuthenticationFilter(ObjectProvider<ProcessEngine> engine) {
            this.engine = engine;
        }

        @Override
        protected ProcessEngine getAddressedEngine(String engineName) {
            return engine.getObject();
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            try {
                authenticate(request, response, chain);
            } catch (RuntimeException e) {
                // checking the password needs the database; without it, answer 503 in the caller's error format
                if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
                    throw e;
                }
                LOG.warn("Request refused, the database is unavailable: {}", DatabaseUnavailable.describe(e));
                HttpServletRequest http = (HttpServletRequest) request;
                boolean ourApi = http.getRequestURI().substring(http.getContextPath().length()).startsWith("/api/");
                DatabaseUnavailable.write((HttpServletResponse) response, !ourApi, e);
            }
        }

        private void authenticate(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            // decoded and normalised, as the request is dispatched: /actuator/health/../env is not health
            HttpServletRequest http = (HttpServletRequest) request;
            String path = http.getServletPath() + (http.getPathInfo() == null ? "" : http.getPathInfo());
            if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
                chain.doFilter(request, response);
                return;
            }
            ProcessEngine processEngine = engine.getObject();
            if (path.equals("/actuator") || path.startsWith("/actuator/")) {
                super.doFilter(request, response, (req, res) -> {
                    if (processEngine.getIdentityService().getCurrentAuthentication().getGroupIds().stream()
                            .noneMatch(OPERATORS::contains)) {
                        ((HttpServletResponse) res).sendError(HttpServletResponse.SC_FORBIDDEN);
                        return;
                    }
                    chain.doFilter(req, res);
                });
                return;
            }
            UserAuthentication webappUser = webappUser((HttpServletRequest) request, processEngine);
            if (webappUser == null && path.startsWith("/api/") && WebappLogin.sendsCsrfToken(http)
                    && http.getHeader("Authorization") == null) {
                HttpServletResponse answer = (HttpServletResponse) response;
                answer.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                answer.setContentType("application/json;charset=UTF-8");
                answer.getOutputStream().write(SESSION_ENDED);
                return;
            }
            if (webappUser == null) {
                super.doFilter(request, response, chain);
                return;
            }
            IdentityService identity = processEngine.getIdentityService();
            identity.setAuthentication(webappUser.getIdentityId(), webappUser.getGroupIds(), webappUser.getTenantIds());
            try {
                chain.doFilter(request, response);
            } finally {
                identity.clearAuthentication();
            }
        }

        /**
         * The user logged in to the Camunda webapps for this engine, for a read-only {@code /api/} request or one that
         * carries the session's CSRF token; else null.
         */
        static UserAuthentication webappUser(HttpServletRequest request, ProcessEngine processEngine) {
            boolean readOnly = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.startsWith("/api/") && (readOnly || WebappLogin.carriesCsrfToken(request))
                    ? WebappLogin.userOf(request, processEngine) : null;
        }
    }
}
