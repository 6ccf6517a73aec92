package com.proposaldesk.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.proposaldesk.support.ProposalDeskSpringTest;

import jakarta.mail.MessagingException;

/**
 * A reminder job that failed for its mail is logged once, by {@link ReminderMailer}; the engine's own reports of the
 * same attempt, with their stack traces, are left out. Logged here as the job executor logs them.
 */
@ProposalDeskSpringTest
@ExtendWith(OutputCaptureExtension.class)
class MailFailureLogFilterTest {

    private static final Logger JOB_EXECUTOR = LoggerFactory.getLogger("org.camunda.bpm.engine.jobexecutor");

    @Test
    void theEngineDoesNotReportAFailedMailAgainButReportsEveryOtherFailure(CapturedOutput output) {
        ReminderNotSentException notSent = new ReminderNotSentException(Map.of("li@bureau.example.cn",
                new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"))), "1a2b3c4d");

        JOB_EXECUTOR.warn("ENGINE-14006 Exception while executing job {}: ", "job-mail", notSent);
        JOB_EXECUTOR.warn("ENGINE-14006 Exception while executing job {}: ", "job-other", new IllegalStateException("kaputt"));

        assertThat(output).doesNotContain("job-mail", "1a2b3c4d").contains("job-other", "IllegalStateException: kaputt");
    }
}
