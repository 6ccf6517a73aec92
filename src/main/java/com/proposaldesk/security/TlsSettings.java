package com.proposaldesk.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One switch for deployments behind HTTPS: {@code proposal-desk.tls=true} (PROPOSAL_DESK_TLS=true) marks the session
 * and CSRF cookies {@code Secure} and sends HSTS. The settings are added with the lowest precedence, so an operator
 * may still set any of them on its own.
 */
public class TlsSettings implements EnvironmentPostProcessor {

    static final String SWITCH = "proposal-desk.tls";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Binder.get(environment).bind(SWITCH, Boolean.class).orElse(false)) {
            return;
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("server.servlet.session.cookie.secure", true);
        settings.put("camunda.bpm.webapp.session-cookie.enable-secure-cookie", true);
        settings.put("camunda.bpm.webapp.csrf.enable-secure-cookie", true);
        settings.put("camunda.bpm.webapp.header-security.hsts-disabled", false);
        environment.getPropertySources().addLast(new MapPropertySource("proposal-desk-tls", settings));
    }
}
