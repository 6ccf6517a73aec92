package com.proposaldesk.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.proposaldesk.process.ProcessVariables;

import jakarta.mail.internet.MimeMessage;

/**
 * The delegate as a process administrator uses it: an asynchronous service task with a retry cycle, on a test model
 * ({@code reminder/reminder-test.bpmn}) that reminds the candidates of its user task 签收.
 */
class SendReminderDelegateTest extends MailTestSupport {

    private static final String NUMBER = "20230334";
    private static final String TITLE = "关于推广明厨亮灶的提案";

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;

    private String deploymentId;

    @BeforeEach
    void deployAndCreatePeople() {
        deploymentId = repository.createDeployment().name("reminder-test")
                .addClasspathResource("reminder/reminder-test.bpmn").deploy().getId();
        proposal(NUMBER, TITLE);
        user("mail-ip", "钱海燕", "qian@bureau.example.cn", "mail-ip");
    }

    @AfterEach
    void undeploy() {
        repository.deleteDeployment(deploymentId, true);
    }

    private ProcessInstance start() {
        return runtime.startProcessInstanceByKey("reminder-test", NUMBER,
                Map.of(ProcessVariables.PROPOSAL_NUMBER, NUMBER, "handlerGroup", "mail-ip"));
    }

    @Test
    void theReminderReachesTheCandidatesOfTheTask() throws Exception {
        ProcessInstance instance = start();
        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();

        management.executeJob(job(instance).getId());

        MimeMessage mail = mailsTo("qian@bureau.example.cn").get(0);
        assertThat(mail.getSubject()).isEqualTo("【提案办理督办】第20230334号提案“签收”已逾期3个工作日");
        assertThat(body(mail, "text/html")).contains(TITLE, "2023-04-10", "已逾期 3 个工作日",
                settings.taskUrl(task.getId()));
        assertThat(reached(instance, "End_Reminded")).isTrue();
    }

    @Test
    void smtpDownEndsInAnIncidentAndCockpitsRetrySendsTheMailOnce() throws Exception {
        ProcessInstance instance = start();
        smtp.stop();

        String jobId = job(instance).getId();
        for (int attempt = 1; job(instance).getRetries() > 0; attempt++) {
            assertThat(attempt).as("attempts before the retries run out").isLessThanOrEqualTo(5);
            assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("邮件发送失败");
        }
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).list()).singleElement()
                .satisfies(incident -> assertThat(incident.getIncidentMessage()).contains("邮件发送失败"));
        assertThat(outboxRows()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("FAILED");
            assertThat(row.attempts()).isEqualTo(5);
        });

        smtp.start();
        management.setJobRetries(jobId, 1);
        management.executeJob(jobId);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(mailsTo("qian@bureau.example.cn")).hasSize(1);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(history.createHistoricIncidentQuery().processInstanceId(instance.getId()).resolved().count()).isEqualTo(1);
        assertThat(outboxRows()).singleElement().extracting(Row::status).isEqualTo("SENT");
        assertThat(reached(instance, "End_Reminded")).isTrue();
    }

    @Test
    void aTaskDoneBeforeTheReminderRunsGetsNoMail() {
        ProcessInstance instance = start();
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());

        management.executeJob(job(instance).getId());

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(reached(instance, "End_Reminded")).isTrue();
    }

    private Job job(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    }

    private boolean reached(ProcessInstance instance, String activityId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId(activityId)
                .count() == 1;
    }
}
