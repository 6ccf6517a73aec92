package com.proposaldesk.deadline;

import static com.proposaldesk.process.ProcessElements.ANSWER_REMINDER_TIMER;
import static com.proposaldesk.process.ProcessElements.TASK_ASSIGN;
import static com.proposaldesk.process.ProcessElements.TASK_ASSISTING_OPINION;
import static com.proposaldesk.process.ProcessElements.TASK_COMMUNICATE_FIRST;
import static com.proposaldesk.process.ProcessElements.TASK_RECORD_EXTERNAL_OPINION;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_FOR;
import static com.proposaldesk.process.ProcessElements.reminderTimerOf;
import static com.proposaldesk.support.ProposalSteps.HANDLER;
import static com.proposaldesk.support.ProposalSteps.OFFICE;
import static com.proposaldesk.support.ProposalSteps.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.proposaldesk.calendar.WorkingDayCalendar;
import com.proposaldesk.department.DepartmentRepository;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.RegistrationRequest;
import com.proposaldesk.reminder.MailTestSupport;
import com.proposaldesk.reminder.ReminderMailer;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/**
 * Upgrading a database of the previous version, in which a {@code deadline-watch} instance watched each open task and
 * each proposal's answer deadline: the handling models of that version are deployed, proposals are carried to
 * different steps with their watches running and sending reminders, the current models are deployed as a start-up
 * deploys them, and {@link SupervisionUpgrade} runs.
 *
 * <p>The state at the upgrade, Wednesday 2025-04-16 10:00 (no job has run since the day before):
 * <ul>
 * <li>A, assigned 04-15, at 签收 (due 04-18): its 5-day reminder went out on registration, the 1-day one waits for 04-17;
 * <li>D, assigned 04-10, at 签收 (due 04-15), overdue: reminders #0, #1 and the day's notice #2 went out, the first
 * escalation waits for 04-18;
 * <li>C (会办), at 分派 (due 04-16): reminders #0 and #1 went out, the day's notice was due at 09:00 and has not run;
 * <li>B, at the assisting departments' opinions (two, multi-instance) and an external unit's opinion;
 * <li>E, at 先沟通后办理, watched by a watch of the version before business keys (task id in a variable);
 * <li>every proposal's answer watch.
 * </ul>
 */
class SupervisionUpgradeProcessTest extends MailTestSupport {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String WATCH = SupervisionUpgrade.WATCH_PROCESS;

    /** The previous version's beans that its watch model calls, in this test's context only. */
    @TestConfiguration
    static class PreviousVersionBeans {

        @Bean("deadlineWatch")
        PreviousSupervision.Watch deadlineWatch(DeadlinePolicy policy, ProposalRepository proposals, TaskService tasks,
                EngineClock clock) {
            return new PreviousSupervision.Watch(policy, proposals, tasks, clock);
        }

        @Bean("deadlineReminder")
        PreviousSupervision.ReminderDelegate deadlineReminder(PreviousSupervision.Watch watch, ReminderMailer mailer,
                ProposalRepository proposals, DepartmentRepository departments, TaskService tasks,
                WorkingDayCalendar calendar, EngineClock clock) {
            return new PreviousSupervision.ReminderDelegate(watch, mailer, proposals, departments, tasks, calendar, clock);
        }
    }

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    TaskDeadlines taskDeadlines;
    @Autowired
    EngineClock clock;
    @Autowired
    SupervisionUpgrade upgrade;

    private final List<String> deployments = new ArrayList<>();
    ProposalSteps steps;
    private PreviousSupervision previous;
    Map<String, ProcessInstance> proposalsByName;

    @BeforeEach
    void previousVersionInFlight() {
        BpmnAwareTests.init(engine);
        steps = new ProposalSteps(engine, registration);
        previous = new PreviousSupervision(runtime, tasks, proposals, taskDeadlines, clock);
        user("office-zhang", "张提案办", "office-zhang@bureau.example.cn", "office");
        user("food-li", "李经办", "food-li@bureau.example.cn", "dept-food");
        user("ip-zhao", "赵经办", "ip-zhao@bureau.example.cn", "dept-ip");
        user("equipment-sun", "孙经办", "equipment-sun@bureau.example.cn", "dept-equipment");
        user("food-head-wang", "王处长", "food-head-wang@bureau.example.cn", "head-food");
        deploy("upgrade/v1/proposal-handling.bpmn", "upgrade/v1/proposal-co-handling.bpmn", "upgrade/v1/deadline-watch.bpmn");
        proposalsByName = buildPreviousVersionDatabase();
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        for (String deployment : deployments) {
            repository.deleteDeployment(deployment, true, true, true);
        }
        BpmnAwareTests.reset();
    }

    @Test
    void everyOpenTaskIsSupervisedOnceByTheLatestModelAndTheWatchesAreGone() {
        Map<String, Date> taskDue = taskDueDates();
        Map<String, Date> watchNext = nextReminderOfEachWatch();
        int watches = (int) runtime.createProcessInstanceQuery().processDefinitionKey(WATCH).count();
        assertThat(watches).as("5 answer and 7 task watches before").isEqualTo(5 + 7);

        deployCurrentModels();
        SupervisionUpgrade.Result result = upgrade.upgrade();

        assertThat(result).isEqualTo(new SupervisionUpgrade.Result(5, 0, 0, 5 + 6, watches));
        assertSupervisedOnceByTheLatestModel(taskDue, watchNext);
        ProcessInstance a = proposalsByName.get("A");
        ProcessInstance d = proposalsByName.get("D");
        ProcessInstance c = proposalsByName.get("C");
        assertThat(timer(a, reminderTimerOf(TASK_SIGN_FOR)).getDuedate()).isEqualTo(at("2025-04-17T09:00"));
        assertThat(timer(d, reminderTimerOf(TASK_SIGN_FOR)).getDuedate()).isEqualTo(at("2025-04-18T09:00"));
        assertThat(timer(c, reminderTimerOf(TASK_ASSIGN)).getDuedate()).isEqualTo(at("2025-04-16T09:00"));
        assertThat(steps.task(a, TASK_SIGN_FOR).getDueDate()).isEqualTo(at("2025-04-18T18:00"));
        assertThat(steps.task(d, TASK_SIGN_FOR).getDueDate()).isEqualTo(at("2025-04-15T18:00"));
        // the watch model stays deployed, as history refers to it
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(WATCH).count()).isOne();
    }

    @Test
    void theNextRemindersGoOutOnceAndNoReminderIsSentTwice() {
        deployCurrentModels();
        upgrade.upgrade();
        ProcessInstance a = proposalsByName.get("A");
        ProcessInstance c = proposalsByName.get("C");
        ProcessInstance d = proposalsByName.get("D");
        String signForA = steps.task(a, TASK_SIGN_FOR).getId();
        String signForD = steps.task(d, TASK_SIGN_FOR).getId();
        String assignC = steps.task(c, TASK_ASSIGN).getId();
        int sentBefore = sentMails().size();
        int receivedBefore = smtp.getReceivedMessages().length;

        // 10:00 on the day of the upgrade: the day's notice the watch had not sent yet, and nothing else
        runDueJobs();
        assertThat(sentSince(sentBefore)).containsExactly(tuple("DUE_TODAY", assignC, "2025-04-16#2", "office-zhang"));

        clock("2025-04-17T09:00");
        runDueJobs();
        assertThat(sentSince(sentBefore + 1)).containsExactly(tuple("REMINDER_BEFORE", signForA, "2025-04-18#1", "office-zhang"));

        clock("2025-04-18T09:00");
        runDueJobs();
        // the overdue proposal's first escalation, not its day's notice again as an overdue notice
        assertThat(sentSince(sentBefore + 2)).containsExactlyInAnyOrder(
                tuple("DUE_TODAY", signForA, "2025-04-18#2", "office-zhang"),
                tuple("ESCALATION", signForD, "2025-04-15#3", "office-zhang"));
        runDueJobs();
        assertThat(sentMails()).hasSize(sentBefore + 4);

        // no deadline, task or proposal got the same occurrence twice, under whatever kind
        List<List<Object>> keys = jdbc.sql("SELECT subject_key, occurrence, recipient FROM pd_mail")
                .query((rs, i) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(smtp.getReceivedMessages()).hasSize(receivedBefore + 4);
    }

    @Test
    void theAssistingDepartmentsAndTheAnswerAreRemindedOnceEach() {
        deployCurrentModels();
        upgrade.upgrade();
        ProcessInstance b = proposalsByName.get("B");
        List<Task> assisting = steps.tasks(b, TASK_ASSISTING_OPINION);
        Date assistingReminder = timer(b, reminderTimerOf(TASK_ASSISTING_OPINION)).getDuedate();
        Date answerReminder = timer(b, ANSWER_REMINDER_TIMER).getDuedate();
        assertThat(assistingReminder).isBefore(answerReminder);
        runDueJobs();
        int sentBefore = sentMails().size();

        ClockUtil.setCurrentTime(assistingReminder);
        runDueJobs();
        assertThat(sentSince(sentBefore)).filteredOn(row -> row.toList().get(1).equals(assisting.get(0).getId())
                || row.toList().get(1).equals(assisting.get(1).getId()))
                .extracting(row -> row.toList().get(0), row -> row.toList().get(3))
                .containsExactlyInAnyOrder(tuple("REMINDER_BEFORE", "ip-zhao"), tuple("REMINDER_BEFORE", "equipment-sun"));

        int beforeAnswer = sentMails().size();
        ClockUtil.setCurrentTime(answerReminder);
        runDueJobs();
        String number = (String) runtime.getVariable(b.getId(), "proposalNumber");
        assertThat(sentSince(beforeAnswer)).filteredOn(row -> row.toList().get(1).equals(number))
                .containsExactly(tuple("REMINDER_BEFORE", number, "2025-07-10#0", "food-li"));
        runDueJobs();
        assertThat(sentSince(beforeAnswer)).filteredOn(row -> row.toList().get(1).equals(number)).hasSize(1);
    }

    @Test
    void twoNodesStartingAtOnceUpgradeEachProposalOnce() throws Exception {
        Map<String, Date> taskDue = taskDueDates();
        Map<String, Date> watchNext = nextReminderOfEachWatch();
        deployCurrentModels();

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<SupervisionUpgrade.Result>> runs = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                runs.add(nodes.submit(() -> {
                    together.await();
                    return upgrade.upgrade();
                }));
            }
            List<SupervisionUpgrade.Result> results = new ArrayList<>();
            for (Future<SupervisionUpgrade.Result> run : runs) {
                results.add(run.get(60, TimeUnit.SECONDS));
            }
            assertThat(results).allSatisfy(result -> assertThat(result.failed()).isZero());
            assertThat(results.stream().mapToInt(SupervisionUpgrade.Result::migrated).sum()).isEqualTo(5);
            assertThat(results.stream().mapToInt(SupervisionUpgrade.Result::watchesDeleted).sum()).isEqualTo(12);
        } finally {
            nodes.shutdownNow();
        }
        assertSupervisedOnceByTheLatestModel(taskDue, watchNext);
    }

    @Test
    void aSecondRunChangesNothing() {
        deployCurrentModels();
        upgrade.upgrade();
        Map<String, Date> timers = allTimers();
        Map<String, String> definitions = new HashMap<>();
        proposalsByName.values().forEach(pi -> definitions.put(pi.getId(), steps.instance(pi.getId()).getProcessDefinitionId()));

        assertThat(upgrade.upgrade()).isEqualTo(new SupervisionUpgrade.Result(0, 0, 0, 0, 0));

        assertThat(allTimers()).isEqualTo(timers);
        proposalsByName.values().forEach(pi ->
                assertThat(steps.instance(pi.getId()).getProcessDefinitionId()).isEqualTo(definitions.get(pi.getId())));
    }

    /** Each instance on the latest model, each open task with its due date and one timer, no watch left. */
    void assertSupervisedOnceByTheLatestModel(Map<String, Date> taskDue, Map<String, Date> watchNext) {
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(WATCH).count()).isZero();
        assertThat(management.createJobQuery().processDefinitionKey(WATCH).count()).isZero();
        for (ProcessInstance pi : proposalsByName.values()) {
            ProcessInstance now = steps.instance(pi.getId());
            String key = repository.getProcessDefinition(now.getProcessDefinitionId()).getKey();
            assertThat(now.getProcessDefinitionId()).isEqualTo(latest(key));

            List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId()).list();
            Set<String> taskKeys = open.stream().map(Task::getTaskDefinitionKey).collect(Collectors.toSet());
            List<Job> timers = management.createJobQuery().processInstanceId(pi.getId()).timers().list();
            // one timer per open task, one for all instances of a multi-instance task, one for the answer
            assertThat(timers).extracting(this::activityOf).containsExactlyInAnyOrderElementsOf(
                    concat(taskKeys.stream().map(ProcessElements::reminderTimerOf).toList(), ANSWER_REMINDER_TIMER));
            for (Task task : open) {
                assertThat(task.getDueDate()).as("due date of %s", task.getName()).isEqualTo(taskDue.get(task.getId()))
                        .isNotNull();
                assertThat(timer(pi, reminderTimerOf(task.getTaskDefinitionKey())).getDuedate())
                        .as("the timer of %s takes over its watch's next reminder", task.getName())
                        .isEqualTo(watchNext.get(task.getId()));
            }
            assertThat(timer(pi, ANSWER_REMINDER_TIMER).getDuedate()).isEqualTo(watchNext.get(answerKey(pi)));
        }
    }

    // ---- the previous version's database -----------------------------------------------------------

    private Map<String, ProcessInstance> buildPreviousVersionDatabase() {
        Map<String, ProcessInstance> byName = new LinkedHashMap<>();
        clock("2025-04-10T10:00");
        byName.put("D", registerWithWatches(ProposalRole.SOLE, "2025-04-10", List.of()));
        byName.put("B", registerWithWatches(ProposalRole.LEAD, "2025-04-10", List.of("市教育局")));
        byName.put("E", registerWithWatches(ProposalRole.SOLE, "2025-04-10", List.of()));
        byName.put("C", registerWithWatches(ProposalRole.CO_HANDLING, "2025-04-10", List.of()));
        runWatchJobs();

        clock("2025-04-11T10:00");
        ProcessInstance b = byName.get("B");
        steps.signFor(b);
        steps.assign(b, "food", List.of("ip", "equipment"));
        ProcessInstance e = byName.get("E");
        steps.signFor(e);
        steps.assign(e, "food", List.of());
        previous.watchTaskUnkeyed(steps.task(e, TASK_COMMUNICATE_FIRST));
        ProcessInstance c = byName.get("C");
        steps.complete(OFFICE, c, TASK_SIGN_FOR, form("signedOn", "2025-04-11"));
        byName.values().forEach(previous::superviseTasks);
        runWatchJobs();

        clock("2025-04-14T09:00");
        runWatchJobs();
        clock("2025-04-14T10:00");
        steps.complete(HANDLER, b, TASK_COMMUNICATE_FIRST, form("contactDate", "2025-04-14", "contactWay", "MEETING",
                "participants", "李经办、委员本人", "memberIntent", "希望建立长效监管机制", "contactSummary", "座谈一小时"));
        previous.superviseTasks(b);
        assertThat(steps.tasks(b, TASK_ASSISTING_OPINION)).hasSize(2);
        assertThat(steps.tasks(b, TASK_RECORD_EXTERNAL_OPINION)).hasSize(1);

        clock("2025-04-15T09:00");
        runWatchJobs();
        clock("2025-04-15T10:00");
        byName.put("A", registerWithWatches(ProposalRole.SOLE, "2025-04-15", List.of()));
        runWatchJobs();

        // the upgrade: the application was down since, so C's notice of 09:00 has not gone out
        clock("2025-04-16T10:00");

        ProcessInstance a = byName.get("A");
        ProcessInstance d = byName.get("D");
        assertThat(sent(steps.task(a, TASK_SIGN_FOR).getId())).containsExactly(tuple("REMINDER_BEFORE", "2025-04-18#0"));
        assertThat(sent(steps.task(d, TASK_SIGN_FOR).getId())).containsExactly(tuple("REMINDER_BEFORE", "2025-04-15#0"),
                tuple("REMINDER_BEFORE", "2025-04-15#1"), tuple("DUE_TODAY", "2025-04-15#2"));
        assertThat(sent(steps.task(c, TASK_ASSIGN).getId())).containsExactly(tuple("REMINDER_BEFORE", "2025-04-16#0"),
                tuple("REMINDER_BEFORE", "2025-04-16#1"));
        assertThat(previous.watchOf(steps.task(e, TASK_COMMUNICATE_FIRST).getId()).getBusinessKey()).isNull();
        return byName;
    }

    private ProcessInstance registerWithWatches(ProposalRole role, String assignedOn, List<String> externalCoUnits) {
        RegistrationRequest template = TestProposals.request(TestProposals.newNumber("UPG"), role, false, externalCoUnits);
        RegistrationRequest request = new RegistrationRequest(template.number(), template.source(), template.session(),
                template.title(), template.leadMember(), template.coSigners(), template.suggestions(), template.role(),
                template.key(), assignedOn, template.externalLeadUnit(), template.externalCoUnits());
        ProcessInstance pi = steps.register(request);
        assertThat(repository.getProcessDefinition(pi.getProcessDefinitionId()).getDeploymentId())
                .isEqualTo(deployments.get(0));
        previous.watchAnswer(request.number());
        previous.superviseTasks(pi);
        return pi;
    }

    /** What the job executor of the previous version did: run the watches' jobs that are due. */
    private void runWatchJobs() {
        runJobs(management.createJobQuery().processDefinitionKey(WATCH));
    }

    /** Runs the due jobs of the test's proposals, and those they lead to, as the job executor would. */
    private void runDueJobs() {
        for (ProcessInstance pi : proposalsByName.values()) {
            runJobs(management.createJobQuery().processInstanceId(pi.getId()));
        }
    }

    private void runJobs(org.camunda.bpm.engine.runtime.JobQuery query) {
        for (int round = 0; round < 20; round++) {
            List<Job> due = query.executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs keep falling due");
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private void deploy(String... resources) {
        var builder = repository.createDeployment().name("upgrade test");
        for (String resource : resources) {
            builder.addClasspathResource(resource);
        }
        deployments.add(builder.deploy().getId());
    }

    /** As a start-up of the current version deploys its models. */
    void deployCurrentModels() {
        deploy("processes/proposal-handling.bpmn", "processes/proposal-co-handling.bpmn");
    }

    String latest(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult().getId();
    }

    Map<String, Date> taskDueDates() {
        Map<String, Date> due = new HashMap<>();
        for (ProcessInstance pi : proposalsByName.values()) {
            tasks.createTaskQuery().processInstanceId(pi.getId()).list().forEach(t -> due.put(t.getId(), t.getDueDate()));
        }
        return due;
    }

    /** The next reminder of every watch, by watched task id, or by {@link #answerKey} for an answer watch. */
    Map<String, Date> nextReminderOfEachWatch() {
        Map<String, Date> next = new HashMap<>();
        for (ProcessInstance pi : proposalsByName.values()) {
            String number = (String) runtime.getVariable(pi.getId(), "proposalNumber");
            for (ProcessInstance watch : runtime.createProcessInstanceQuery().processDefinitionKey(WATCH)
                    .variableValueEquals("proposalNumber", number).list()) {
                Object taskId = watch.getBusinessKey() != null ? watch.getBusinessKey()
                        : runtime.getVariable(watch.getId(), SupervisionUpgrade.WATCHED_TASK_ID);
                Date at = management.createJobQuery().processInstanceId(watch.getId()).timers().singleResult().getDuedate();
                next.put(taskId != null ? taskId.toString() : answerKey(pi), at);
            }
        }
        // the tasks of a multi-instance step share one timer: the earliest of their watches
        ProcessInstance b = proposalsByName.get("B");
        List<Task> assisting = steps.tasks(b, TASK_ASSISTING_OPINION);
        Date earliest = assisting.stream().map(t -> next.get(t.getId())).min(Date::compareTo).orElseThrow();
        assisting.forEach(t -> next.put(t.getId(), earliest));
        return next;
    }

    private static String answerKey(ProcessInstance pi) {
        return "answer:" + pi.getId();
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return management.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().singleResult();
    }

    private String activityOf(Job job) {
        return management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
    }

    private Map<String, Date> allTimers() {
        Map<String, Date> timers = new HashMap<>();
        for (ProcessInstance pi : proposalsByName.values()) {
            management.createJobQuery().processInstanceId(pi.getId()).timers().list()
                    .forEach(job -> timers.put(job.getId(), job.getDuedate()));
        }
        return timers;
    }

    private List<org.assertj.core.groups.Tuple> sent(String subjectKey) {
        return jdbc.sql("SELECT kind, occurrence FROM pd_mail WHERE subject_key = ? AND status = 'SENT' ORDER BY id")
                .param(subjectKey).query((rs, i) -> tuple(rs.getString(1), rs.getString(2))).list();
    }

    private List<org.assertj.core.groups.Tuple> sentMails() {
        return jdbc.sql("SELECT kind, subject_key, occurrence, recipient_user FROM pd_mail WHERE status = 'SENT' ORDER BY id")
                .query((rs, i) -> tuple(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    private List<org.assertj.core.groups.Tuple> sentSince(int count) {
        List<org.assertj.core.groups.Tuple> all = sentMails();
        return all.subList(count, all.size());
    }

    private static List<String> concat(List<String> list, String element) {
        List<String> all = new ArrayList<>(list);
        all.add(element);
        return all;
    }

    private static Date at(String beijingTime) {
        return Date.from(LocalDateTime.parse(beijingTime).atZone(BEIJING).toInstant());
    }

    private static void clock(String beijingTime) {
        ClockUtil.setCurrentTime(at(beijingTime));
    }
}
