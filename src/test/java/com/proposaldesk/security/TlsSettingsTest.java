package com.proposaldesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** PROPOSAL_DESK_TLS, as an operating-system variable, is the one switch for Secure cookies and HSTS. */
class TlsSettingsTest {

    @Test
    void theVariableSwitchesOnSecureCookiesAndHsts() {
        StandardEnvironment environment = environment(Map.of("PROPOSAL_DESK_TLS", "true"));

        new TlsSettings().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
        assertThat(environment.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie")).isEqualTo("true");
        assertThat(environment.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie")).isEqualTo("true");
        assertThat(environment.getProperty("camunda.bpm.webapp.header-security.hsts-disabled")).isEqualTo("false");
    }

    @Test
    void withoutItNothingChanges() {
        for (Map<String, String> variables : List.of(Map.<String, String>of(), Map.of("PROPOSAL_DESK_TLS", "false"))) {
            StandardEnvironment environment = environment(variables);

            new TlsSettings().postProcessEnvironment(environment, null);

            assertThat(environment.getProperty("server.servlet.session.cookie.secure")).isNull();
            assertThat(environment.getProperty("camunda.bpm.webapp.header-security.hsts-disabled")).isNull();
        }
    }

    @Test
    void anOperatorsOwnSettingWins() {
        StandardEnvironment environment = environment(Map.of("PROPOSAL_DESK_TLS", "true",
                "CAMUNDA_BPM_WEBAPP_HEADERSECURITY_HSTSDISABLED", "true"));

        new TlsSettings().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("camunda.bpm.webapp.headersecurity.hstsdisabled")).isEqualTo("true");
        assertThat(environment.getPropertySources().stream().map(source -> source.getName()).toList())
                .endsWith("proposal-desk-tls");
    }

    private static StandardEnvironment environment(Map<String, String> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new HashMap<>(variables)));
        return environment;
    }
}
