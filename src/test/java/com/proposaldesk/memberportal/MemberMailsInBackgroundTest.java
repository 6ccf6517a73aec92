package com.proposaldesk.memberportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/**
 * As in production, the members' mails go out on a thread of their own: with a mail server that accepts the connection
 * and then says nothing, 交办 is completed at once, and the assignment mail fails only when the server's time is up,
 * recorded as the office user's work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "proposal-desk.after-commit-in-background=true")
@ActiveProfiles("test")
class MemberMailsInBackgroundTest {

    /** Accepts connections into its backlog and never answers: a mail server that hangs. */
    private static final ServerSocket SILENT = silentServer();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SILENT::getLocalPort);
        registry.add("spring.mail.properties[mail.smtp.timeout]", () -> 4000);
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void closeServer() throws IOException {
        SILENT.close();
    }

    @Test
    void theStepIsCompletedWithoutWaitingForTheMailServer() throws InterruptedException {
        ProposalSteps steps = new ProposalSteps(engine, registration);
        String number = TestProposals.newNumber("BG");
        ProcessInstance instance = steps.register(TestProposals.request(number, ProposalRole.SOLE));
        steps.signFor(instance);

        steps.assign(instance, "food", List.of());

        assertThat(steps.task(instance, ProcessElements.TASK_COMMUNICATE_FIRST)).isNotNull();
        assertThat(statuses(number)).as("not failed yet: the server has not had its 4 s").doesNotContain("FAILED");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!statuses(number).contains("FAILED") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(statuses(number)).containsExactly("FAILED");
        assertThat(jdbc.sql("SELECT user_id FROM pd_audit WHERE proposal_number = ? AND action = 'MEMBER_LINKS_SENT'")
                .param(number).query(String.class).list()).containsExactly(ProposalSteps.OFFICE);
    }

    private List<String> statuses(String number) {
        return jdbc.sql("SELECT status FROM pd_mail WHERE proposal_number = ? AND kind = 'MEMBER_ASSIGNED'").param(number)
                .query(String.class).list();
    }

    private static ServerSocket silentServer() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
