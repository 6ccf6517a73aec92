package com.proposaldesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** {@code ${workingDays...}} in a timer's timeDate and a task's dueDate, over the National Day holiday 2023. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WorkingDayTimerProcessTest {

    static final String MODEL = "bpmn/working-day-deadlines.bpmn";
    static final String PROCESS = "working-day-deadlines";
    static final String TIMER = "Timer_SignForDue";
    static final String TASK = "Task_Answer";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;

    String deploymentId;

    @BeforeEach
    void deploy() {
        deploymentId = repository.createDeployment().addClasspathResource(MODEL).deploy().getId();
    }

    @AfterEach
    void undeploy() {
        repository.deleteDeployment(deploymentId, true);
    }

    @Test
    void theTimerFiresFiveWorkingDaysLaterAndTheTaskIsDueAWorkingDayBeforeTheAnswer() {
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS, Map.of(
                "assignedOn", "2023-09-28",
                "answerDue", Date.from(startOf("2023-10-09"))));

        Job timer = management.createJobQuery().processInstanceId(instance.getId()).activityId(TIMER).singleResult();
        assertThat(timer.getDuedate().toInstant()).as("29 Sep to 6 Oct are holidays, 7 and 8 Oct are worked")
                .isEqualTo(startOf("2023-10-11"));

        management.executeJob(timer.getId());

        Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK).singleResult();
        assertThat(task.getDueDate().toInstant()).as("the make-up Sunday before Monday 9 October").isEqualTo(startOf("2023-10-08"));
    }

    static Instant startOf(String day) {
        return LocalDate.parse(day).atStartOfDay(SHANGHAI).toInstant();
    }
}
