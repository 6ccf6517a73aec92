package com.proposaldesk.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.support.LogLines;

/**
 * A reminder job failing on an unreachable mail server is expected (its retry cycle and the incident take care of it):
 * one WARN line with an error reference, not the engine's stack traces of the failed command and the failed job. The job
 * runs as the job executor runs it: the engine's command, then the engine's job failure logging.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReminderFailureLoggingTest extends MailTestSupport {

    private static final String NUMBER = "20230505";

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    private String deploymentId;
    private AutoCloseable productionLogging;

    @BeforeEach
    void deployWithProductionLogging() {
        deploymentId = repository.createDeployment().name("reminder-logging-test")
                .addClasspathResource("reminder/reminder-test.bpmn").deploy().getId();
        proposal(NUMBER, "关于加强校园周边食品安全监管的提案");
        user("mail-log", "孙立", "sun@bureau.example.cn", "mail-log");
        productionLogging = LogLines.withProductionEngineLogging();
    }

    @AfterEach
    void undeploy() throws Exception {
        productionLogging.close();
        repository.deleteDeployment(deploymentId, true);
    }

    @Test
    void anUnreachableMailServerIsOneWarnLinePerAttempt(CapturedOutput output) {
        String instance = runtime.startProcessInstanceByKey("reminder-test", NUMBER,
                Map.of(ProcessVariables.PROPOSAL_NUMBER, NUMBER, "handlerGroup", "mail-log")).getId();
        String jobId = management.createJobQuery().processInstanceId(instance).singleResult().getId();
        smtp.stop();
        LogLines log = new LogLines(output);

        Throwable failure = catchThrowable(() -> management.executeJob(jobId));
        ExecuteJobHelper.LOGGING_HANDLER.exceptionWhileExecutingJob(jobId, failure);

        assertThat(failure).hasMessageContaining("邮件发送失败");
        List<String> lines = log.since();
        assertThat(lines).as("logged").singleElement().satisfies(line -> assertThat(line)
                .matches(".* WARN .* mail .* not sent to 1 of 1 recipients, error reference [0-9a-f]{8}: .*"));
    }
}
