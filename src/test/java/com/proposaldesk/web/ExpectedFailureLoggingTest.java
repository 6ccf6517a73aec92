package com.proposaldesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.HttpBasic;
import com.proposaldesk.support.LogLines;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.TestProposals;

/**
 * A refused form, a lost race and a request the engine refuses are expected: each is one WARN line with an error
 * reference, without a stack trace, with the engine's command logging as in production.
 */
@ProposalDeskSpringTest
@ExtendWith(OutputCaptureExtension.class)
class ExpectedFailureLoggingTest {

    private static final String PASSWORD = "Ri-Zhi-Ce-Shi-1";
    private static final String WANG = "logging-wang";
    private static final String LI = "logging-li";
    private static final String SIGN_FOR = HttpBasic.completion("signedOn", "2025-04-11", "objectionRequested", false);
    private static final String ONE_REFUSAL = ".* WARN .* refused with %d \\(error reference [0-9a-f]{8}\\): .*%s.*";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    ProposalRegistrationService registration;

    private AutoCloseable productionLogging;

    @BeforeEach
    void clerksAndProductionLogging() {
        ProcessEngines.registerProcessEngine(engine);
        clerk(WANG);
        clerk(LI);
        productionLogging = LogLines.withProductionEngineLogging();
    }

    @AfterEach
    void testLogging() throws Exception {
        productionLogging.close();
    }

    @Test
    void aRefusedFormIsOneWarnLine(CapturedOutput output) throws Exception {
        String task = signForTask();
        LogLines log = new LogLines(output);

        HttpResponse<String> refused = as(WANG).post("/engine-rest/task/" + task + "/complete",
                HttpBasic.completion("objectionRequested", false));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertOneLine(log.since(), ONE_REFUSAL.formatted(400, "签收日期不能为空"));
    }

    @Test
    void aLostRaceIsOneWarnLine(CapturedOutput output) throws Exception {
        String task = signForTask();
        assertThat(as(WANG).post("/engine-rest/task/" + task + "/complete", SIGN_FOR).statusCode()).isEqualTo(204);
        LogLines log = new LogLines(output);

        HttpResponse<String> late = as(LI).post("/engine-rest/task/" + task + "/complete", SIGN_FOR);

        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        assertOneLine(log.since(), ONE_REFUSAL.formatted(409, TaskConflictMapper.DONE_BY_SOMEONE_ELSE));
    }

    @Test
    void aRequestTheEngineRefusesIsOneWarnLine(CapturedOutput output) throws Exception {
        LogLines log = new LogLines(output);

        HttpResponse<String> refused = as(WANG).post("/engine-rest/job/retries", "{\"retries\": 1}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertOneLine(log.since(), ONE_REFUSAL.formatted(400, "jobIds"));
    }

    private static void assertOneLine(List<String> lines, String pattern) {
        assertThat(lines).as("logged").singleElement().satisfies(line -> assertThat(line).matches(pattern));
    }

    private String signForTask() {
        String instance = registration.register(TestProposals.request(TestProposals.newNumber("LOG"), ProposalRole.SOLE))
                .processInstanceId();
        return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    private HttpBasic as(String user) {
        return new HttpBasic("http://localhost:" + port, user, PASSWORD);
    }

    private void clerk(String id) {
        if (identity.createGroupQuery().groupId("office").count() == 0) {
            identity.saveGroup(identity.newGroup("office"));
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName("测试");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(id, "office");
        }
    }
}
