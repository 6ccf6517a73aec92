package com.proposaldesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.PostgresTestDatabase;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/** Attachments on PostgreSQL: migration V15's bytea column, a large scan stored and read back byte for byte. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AttachmentPostgresIT {

    private static final String PASSWORD = "Att-Pg-Pw-2026";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        ProcessEngines.registerProcessEngine(engine);
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    @Test
    void aLargeScanIsStoredInTheDatabaseAndComesBackByteForByte() {
        String number = TestProposals.newNumber("ATT-PG");
        ProposalSteps steps = new ProposalSteps(engine, registration);
        ProcessInstance instance = steps.register(TestProposals.request(number, ProposalRole.LEAD));
        steps.signFor(instance);
        steps.assign(instance, "food", List.of());
        ApiClient food = ApiClient.as(rest, identity, "att-pg-food", PASSWORD, "dept-food");
        ApiClient office = ApiClient.as(rest, identity, "att-pg-office", PASSWORD, "office");
        String path = "/api/proposals/" + number + "/attachments";
        String name = "盖章答复函（正式件）.pdf";
        byte[] scan = AttachmentSamples.pdf(15 * 1024 * 1024);

        ResponseEntity<JsonNode> uploaded = food.post(path, multipart(name, scan));

        assertThat(uploaded.getStatusCode()).as(String.valueOf(uploaded.getBody())).isEqualTo(HttpStatus.CREATED);
        long id = uploaded.getBody().path("id").asLong();
        assertThat(jdbc.sql("SELECT data_type FROM information_schema.columns WHERE table_name = 'pd_attachment' AND column_name = 'content'")
                .query(String.class).single()).isEqualTo("bytea");
        assertThat(jdbc.sql("SELECT octet_length(content) FROM pd_attachment WHERE id = ?").param(id).query(Long.class).single())
                .isEqualTo(scan.length);
        assertThat(office.get(path).getBody().get(0).path("uploadedAt").asText()).endsWith("+08:00");

        long started = System.nanoTime();
        ResponseEntity<byte[]> download = office.download(path + "/" + id);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getBody()).isEqualTo(scan);
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo(name);
        System.out.printf("Downloaded %d bytes from PostgreSQL in %d ms%n", scan.length, millis);

        assertThat(rest.withBasicAuth("att-pg-food", PASSWORD).exchange(path + "/" + id, HttpMethod.DELETE, null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_attachment WHERE id = ?").param(id).query(Integer.class).single()).isZero();
    }

    private static HttpEntity<MultiValueMap<String, Object>> multipart(String name, byte[] content) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        body.add("kind", "盖章答复函");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }
}
