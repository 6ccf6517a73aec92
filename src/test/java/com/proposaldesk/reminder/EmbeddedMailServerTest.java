package com.proposaldesk.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.registration.RegistrationRequest;
import com.proposaldesk.support.ProposalDeskSpringTest;

import jakarta.mail.internet.MimeMessage;

/**
 * The application as a first run starts it, without {@code spring.mail.host}: it sends to its own SMTP server on the
 * loopback interface, and the office reads every mail, subject and body, in the outbox. (The test profile asks for any
 * free port instead of 3025.)
 */
@ProposalDeskSpringTest
class EmbeddedMailServerTest {

    private static final String NUMBER = "20239901";
    private static final String PASSWORD = "secret";

    @Autowired
    GreenMail embeddedSmtpServer;
    @Autowired
    JavaMailSenderImpl sender;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    TestRestTemplate rest;

    @BeforeEach
    void officeAndProposal() {
        ProcessEngines.registerProcessEngine(engine);
        if (identity.createUserQuery().userId("embedded-office").count() == 0) {
            User clerk = identity.newUser("embedded-office");
            clerk.setFirstName("钱文");
            clerk.setLastName("测试");
            clerk.setEmail("qian@bureau.example.cn");
            clerk.setPassword(PASSWORD);
            identity.saveUser(clerk);
            if (identity.createGroupQuery().groupId("office").count() == 0) {
                identity.saveGroup(identity.newGroup("office"));
            }
            identity.createMembership("embedded-office", "office");
            registration.register(new RegistrationRequest(NUMBER, "CPPCC", "市政协七届三次会议", "关于完善社区食堂备案管理的提案",
                    new RegistrationRequest.LeadMember("王五", "经济界", null, null, null), List.of(),
                    List.of("简化备案"), "SOLE", false, "2023-04-03", null, List.of()));
        }
    }

    @Test
    void withoutAMailHostTheApplicationSendsToItsOwnServerOnTheLoopbackOnly() {
        assertThat(embeddedSmtpServer.isRunning()).isTrue();
        assertThat(embeddedSmtpServer.getSmtp().getBindTo()).isEqualTo("127.0.0.1");
        assertThat(sender.getHost()).isEqualTo("127.0.0.1");
        assertThat(sender.getPort()).isEqualTo(embeddedSmtpServer.getSmtp().getPort());
        assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.connectiontimeout", "10000");
    }

    @Test
    void aSecondInstanceOnTheMachineTakesAnotherPort() throws Exception {
        int taken = embeddedSmtpServer.getSmtp().getPort();
        MailSettings settings = new MailSettings("http://localhost/", new MailSettings.Mail("提案办理台 <noreply@bureau.example.cn>",
                new MailSettings.Connections(1, 1, Duration.ofSeconds(30)), taken));

        GreenMail second = new EmbeddedMailServer().embeddedSmtpServer(settings);
        try {
            assertThat(second.isRunning()).isTrue();
            assertThat(second.getSmtp().getPort()).isNotEqualTo(taken).isPositive();
        } finally {
            second.stop();
        }
    }

    @Test
    void anUrgeLandsInTheEmbeddedServerAndTheOfficeReadsItsSubjectAndBody() throws Exception {
        Task signFor = tasks.createTaskQuery().processInstanceBusinessKey(NUMBER).singleResult();
        tasks.setAssignee(signFor.getId(), "embedded-office");

        ResponseEntity<JsonNode> urge = rest.withBasicAuth("embedded-office", PASSWORD).postForEntity(
                "/api/tasks/{id}/urge", Map.of("note", "请本周内签收"), JsonNode.class, signFor.getId());

        assertThat(urge.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<MimeMessage> arrived = List.of(embeddedSmtpServer.getReceivedMessages()).stream()
                .filter(mail -> MailTestSupport.recipients(mail).contains("qian@bureau.example.cn")).toList();
        assertThat(arrived).singleElement().satisfies(mail ->
                assertThat(mail.getSubject()).isEqualTo("【提案办理催办】请抓紧办理第20239901号提案“签收”"));

        JsonNode mails = rest.withBasicAuth("embedded-office", PASSWORD)
                .getForEntity("/api/mails?proposal={n}&kind=URGE", JsonNode.class, NUMBER).getBody();
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.get("status").asText()).isEqualTo("SENT");
            assertThat(mail.get("subject").asText()).isEqualTo("【提案办理催办】请抓紧办理第20239901号提案“签收”");
            assertThat(mail.get("body").asText()).contains("钱文，您好", "催办说明：请本周内签收", "提案编号：第20239901号");
        });
    }
}
