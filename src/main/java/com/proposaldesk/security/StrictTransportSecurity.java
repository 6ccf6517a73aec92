package com.proposaldesk.security;

import java.io.IOException;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.HeaderSecurityProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * With {@code proposal-desk.tls=true}, HSTS on every answer: the Camunda webapps send it themselves (their header
 * security filter, switched on by {@link TlsSettings}); this adds the same header to our API, the engine's REST API
 * and our pages.
 */
@Configuration
@ConditionalOnProperty(name = TlsSettings.SWITCH, havingValue = "true")
public class StrictTransportSecurity {

    static final String HEADER = "Strict-Transport-Security";
    private static final String DEFAULT_MAX_AGE = "31536000";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> strictTransportSecurityFilter(CamundaBpmProperties camunda) {
        String value = headerValue(camunda.getWebapp().getHeaderSecurity());
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                response.setHeader(HEADER, value);
                chain.doFilter(request, response);
            }
        });
        registration.setName("proposal-desk-hsts");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** The value the Camunda webapps send, so that every answer of the host says the same. */
    static String headerValue(HeaderSecurityProperties settings) {
        if (settings.getHstsValue() != null && !settings.getHstsValue().isBlank()) {
            return settings.getHstsValue();
        }
        String maxAge = settings.getHstsMaxAge() == null || settings.getHstsMaxAge().isBlank() ? DEFAULT_MAX_AGE
                : settings.getHstsMaxAge();
        return "max-age=" + maxAge + (settings.isHstsIncludeSubdomainsDisabled() ? "" : "; includeSubDomains");
    }
}
