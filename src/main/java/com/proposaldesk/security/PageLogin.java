package com.proposaldesk.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The bureau's pages ({@code /proposals/**}) run as the user logged in to the Camunda webapps, so that a user coming
 * from Tasklist is not asked for a password again, and {@link ProposalAccess} shows them what {@code /api} would.
 * Without that login the page's controller answers {@link LoginRequiredException}.
 */
@Configuration
public class PageLogin implements WebMvcConfigurer {

    public static final String PAGES = "/proposals/**";

    private final ObjectProvider<ProcessEngine> engine;

    public PageLogin(ObjectProvider<ProcessEngine> engine) {
        this.engine = engine;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                ProcessEngine processEngine = engine.getObject();
                UserAuthentication user = WebappLogin.userOf(request, processEngine);
                if (user == null) {
                    throw new LoginRequiredException();
                }
                processEngine.getIdentityService().setAuthentication(user.getIdentityId(), user.getGroupIds(),
                        user.getTenantIds());
                return true;
            }

            @Override
            public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                    Exception failure) {
                engine.getObject().getIdentityService().clearAuthentication();
            }
        }).addPathPatterns("/proposals", PAGES);
    }

    /** Nobody is logged in to the webapps in this browser. */
    public static class LoginRequiredException extends RuntimeException {

        public LoginRequiredException() {
            super("请先登录提案办理台（Tasklist），再打开本页");
        }
    }
}
