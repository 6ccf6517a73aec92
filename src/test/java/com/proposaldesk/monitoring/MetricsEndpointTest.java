package com.proposaldesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.Metrics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.registration.RegistrationRequest;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.TestProposals;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Prometheus reads the metrics with a login of the office, an administrator or the group {@code monitoring}; the figures
 * follow the bureau's work.
 */
@ProposalDeskSpringTest
class MetricsEndpointTest {

    private static final String PASSWORD = "Jian-Kong-2025";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    ProcessEngine engine;
    @Autowired
    MeterRegistry meters;
    @Autowired
    WorkloadMetrics workload;
    @Autowired
    ProposalRegistrationService registration;

    @Test
    void theOfficeReadsTheMetricsOthersMayNot() {
        ApiClient office = ApiClient.as(rest, identity, "metrics-office", PASSWORD, "office");
        ApiClient handler = ApiClient.as(rest, identity, "metrics-food", PASSWORD, "dept-food");
        office.get("/api/board");

        ResponseEntity<String> scrape = rest.withBasicAuth("metrics-office", PASSWORD).getForEntity("/actuator/prometheus", String.class);

        assertThat(scrape.getStatusCode().value()).isEqualTo(200);
        assertThat(scrape.getBody()).contains("proposaldesk_reminders_sent_total{application=\"proposal-desk\",kind=\"reminder-before\"}",
                "proposaldesk_reminders_failed_total{", "proposaldesk_jobs_executed_total{", "proposaldesk_jobs_due{",
                "proposaldesk_jobs_failed{", "proposaldesk_incidents_open{", "proposaldesk_jobs_acquired_total{",
                "http_server_requests_seconds_count{", "uri=\"/api/board\"");
        assertThat(handler.download("/actuator/prometheus").getStatusCode().value()).isEqualTo(403);
        ApiClient prometheus = ApiClient.as(rest, identity, "metrics-prometheus", PASSWORD, "monitoring");
        assertThat(prometheus.download("/actuator/prometheus").getStatusCode().value()).isEqualTo(200);
        assertThat(prometheus.get("/api/mails").getStatusCode().value()).as("the metrics, nothing else").isEqualTo(403);
        assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(rest.withBasicAuth("metrics-office", "wrong-" + PASSWORD).getForEntity("/actuator/prometheus", String.class)
                .getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void anOverdueTaskCountsForItsDepartment() {
        ApiClient.as(rest, identity, "metrics-office", PASSWORD, "office");
        workload.refresh();
        double before = overdue("office");

        // assigned in 2023: 签收 was due three working days later, long ago
        registration.register(new RegistrationRequest(TestProposals.newNumber("METRICS"), "CPPCC", "市政协七届三次会议",
                "关于加强食品安全监管的提案", new RegistrationRequest.LeadMember("张三", "教育界", null, null, null), List.of(),
                List.of("加强日常检查"), "SOLE", false, "2023-04-03", null, List.of()));
        workload.refresh();

        assertThat(overdue("office")).isEqualTo(before + 1);
        assertThat(rest.withBasicAuth("metrics-office", PASSWORD).getForObject("/actuator/prometheus", String.class))
                .contains("proposaldesk_tasks_overdue{application=\"proposal-desk\",department=\"office\"} " + (before + 1));
    }

    @Test
    void theJobExecutorsOwnMetersCountInPrometheusToo() {
        double before = meters.get("proposaldesk.jobs.executed").tag("outcome", "successful").counter().count();

        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getMetricsRegistry()
                .markOccurrence(Metrics.JOB_SUCCESSFUL, 3);

        assertThat(meters.get("proposaldesk.jobs.executed").tag("outcome", "successful").counter().count()).isEqualTo(before + 3);
    }

    private double overdue(String department) {
        return meters.get(WorkloadMetrics.OVERDUE).tag("department", department).gauge().value();
    }
}
