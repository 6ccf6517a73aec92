package com.proposaldesk.deadline;

import static com.proposaldesk.process.ProcessElements.TASK_COMMUNICATE_FIRST;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_DEPT_HEAD;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_OFFICE;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_FOR;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_OFF_LEADER;
import static com.proposaldesk.support.ProposalSteps.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.store.FolderException;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.registration.RegistrationRequest;
import com.proposaldesk.reminder.MailTestSupport;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

import jakarta.mail.internet.MimeMessage;

/**
 * Supervision in the handling model as the bureau lives it: the engine clock moves from one reminder to the next, a
 * task's reminder timer fires and its {@code sendReminder} job runs (by hand: the job executor is off in tests), and the
 * people responsible find the reminders, the due-day notice and the escalations in their mailboxes (GreenMail).
 *
 * <p>Assigned on Tuesday 2025-04-01, a proposal must be signed for within 3 working days: by Monday 2025-04-07
 * (清明节 4–6 April). Reminders go out 5 and 1 working days before (2025-03-28, already past at registration, and
 * 2025-04-03), a notice on the day, then an escalation every 3 working days. The first contact with the member is due
 * 15 working days after assignment, on 2025-04-23, and escalated on 2025-04-27, a Sunday worked before 劳动节.
 */
class DeadlineSupervisionProcessTest extends MailTestSupport {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String ASSIGNED_ON = "2025-04-01";

    private static final String OFFICE = "watch-office";
    private static final String OFFICE_MAIL = "zhou.office@bureau.example.cn";
    private static final String HANDLER = "watch-food";
    private static final String HANDLER_MAIL = "li.food@bureau.example.cn";
    private static final String HEAD = "watch-food-head";
    private static final String HEAD_MAIL = "wang.foodhead@bureau.example.cn";
    private static final String LEADER_MAIL = "chen.leader@bureau.example.cn";

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;

    private ProposalSteps steps;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        steps = new ProposalSteps(engine, registration);
        user(OFFICE, "周提案", OFFICE_MAIL, "office");
        user(HANDLER, "李经办", HANDLER_MAIL, "dept-food");
        user(HEAD, "王处长", HEAD_MAIL, "head-food");
        user("watch-leader", "陈副局长", LEADER_MAIL, "leader");
        clock("2025-04-01T10:00");
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    // ---- a task's deadline -------------------------------------------------------------------------

    @Test
    void theSignForTaskIsDueInThreeWorkingDaysAndTheOfficeIsRemindedBeforeOnTheDayAndWhenOverdue() throws Exception {
        String number = TestProposals.newNumber("WATCH");
        ProcessInstance pi = register(number);

        Task signFor = steps.task(pi, TASK_SIGN_FOR);
        assertThat(signFor.getDueDate()).isEqualTo(at("2025-04-07T18:00"));
        Supervised reminders = of(signFor);
        // the reminder 5 working days before (2025-03-28) is past already: it goes out at once (within seconds)
        fireAt(reminders, "2025-04-01T10:00:05");
        MimeMessage first = single(newMails(), OFFICE_MAIL);
        assertThat(first.getSubject()).isEqualTo("【提案办理提醒】第" + number + "号提案“签收”将于2025-04-07到期");
        assertThat(text(first)).contains("周提案，您好", "将于2025-04-07到期，还剩 3 个工作日", "办理环节：签收", title(number));

        fireAt(reminders, "2025-04-03T09:00");
        MimeMessage dayBefore = single(newMails(), OFFICE_MAIL);
        assertThat(dayBefore.getSubject()).isEqualTo("【提案办理提醒】第" + number + "号提案“签收”将于2025-04-07到期");
        assertThat(text(dayBefore)).contains("还剩 1 个工作日");

        fireAt(reminders, "2025-04-07T09:00");
        MimeMessage dueDay = single(newMails(), OFFICE_MAIL);
        assertThat(dueDay.getSubject()).isEqualTo("【提案办理提醒】第" + number + "号提案“签收”今天（2025-04-07）到期");
        assertThat(text(dueDay)).contains("今天到期", "办理期限：2025-04-07");

        fireAt(reminders, "2025-04-10T09:00");
        List<MimeMessage> escalation = newMails();
        MimeMessage overdue = single(escalation, OFFICE_MAIL);
        assertThat(overdue.getSubject()).isEqualTo("【提案办理督办】第" + number + "号提案“签收”仍未办结，已逾期3个工作日");
        assertThat(text(overdue)).contains("已逾期 3 个工作日仍未办结，现予督办", "办理期限：2025-04-07");
        assertThat(body(overdue, "text/html")).contains("2025-04-07", "已逾期 3 个工作日", settings.taskUrl(signFor.getId()));
        // no department holds the case yet: the office alone is told
        assertThat(to(escalation, HANDLER_MAIL)).isEmpty();
        assertThat(to(escalation, HEAD_MAIL)).isEmpty();
        assertThat(timer(reminders).getDuedate()).isEqualTo(at("2025-04-15T09:00"));

        assertThat(mailRows(signFor.getId())).filteredOn(row -> row.recipient().equals(OFFICE_MAIL))
                .extracting(MailRow::kind, MailRow::occurrence, MailRow::status)
                .containsExactly(
                        tuple("REMINDER_BEFORE", "2025-04-07#0", "SENT"),
                        tuple("REMINDER_BEFORE", "2025-04-07#1", "SENT"),
                        tuple("DUE_TODAY", "2025-04-07#2", "SENT"),
                        tuple("ESCALATION", "2025-04-07#3", "SENT"));

        // signing for ends the reminders of 签收; 分派 has its own, 3 working days after signing for
        steps.complete(OFFICE, pi, TASK_SIGN_FOR, form("signedOn", "2025-04-10", "objectionRequested", false));
        assertThat(jobs(reminders)).isZero();
        Task assign = steps.task(pi, ProcessElements.TASK_ASSIGN);
        assertThat(assign.getDueDate()).isEqualTo(at("2025-04-15T18:00"));
        // its reminder 5 working days before (2025-04-08) is past: at once
        assertThat(timer(of(assign)).getDuedate()).isEqualTo(at("2025-04-10T09:00:05"));
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers().count())
                .as("the assignment's reminders and the answer deadline's").isEqualTo(2);
    }

    @Test
    void anOverdueDepartmentTaskIsEscalatedToItsHeadAndTheOfficeEveryThreeWorkingDaysAndEachMailGoesOutOnce() throws Exception {
        String number = TestProposals.newNumber("WATCH");
        ProcessInstance pi = register(number);
        steps.complete(OFFICE, pi, TASK_SIGN_FOR, form("signedOn", ASSIGNED_ON, "objectionRequested", false));
        steps.assign(pi, "food", List.of());

        Task contact = steps.task(pi, TASK_COMMUNICATE_FIRST);
        assertThat(contact.getDueDate()).isEqualTo(at("2025-04-23T18:00"));
        Supervised reminders = of(contact);
        assertThat(timer(reminders).getDuedate()).as("5 working days before 2025-04-23").isEqualTo(at("2025-04-16T09:00"));

        fireAt(reminders, "2025-04-16T09:00");
        List<MimeMessage> reminder = newMails();
        assertThat(text(single(reminder, HANDLER_MAIL))).contains("还剩 5 个工作日", "先沟通后办理：联系委员");
        assertThat(to(reminder, HEAD_MAIL)).isEmpty();
        assertThat(to(reminder, OFFICE_MAIL)).isEmpty();

        fireAt(reminders, "2025-04-22T09:00");
        assertThat(text(single(newMails(), HANDLER_MAIL))).contains("还剩 1 个工作日");
        fireAt(reminders, "2025-04-23T09:00");
        assertThat(single(newMails(), HANDLER_MAIL).getSubject()).contains("今天（2025-04-23）到期");

        // 3 working days overdue on Sunday 2025-04-27, a working day before 劳动节
        fireAt(reminders, "2025-04-27T09:00");
        List<MimeMessage> firstRound = newMails();
        for (String address : List.of(HANDLER_MAIL, HEAD_MAIL, OFFICE_MAIL)) {
            MimeMessage mail = single(firstRound, address);
            assertThat(mail.getSubject()).isEqualTo("【提案办理督办】第" + number + "号提案“先沟通后办理：联系委员”仍未办结，已逾期3个工作日");
            assertThat(text(mail)).contains("办理期限：2025-04-23", "已逾期 3 个工作日");
        }
        assertThat(to(firstRound, LEADER_MAIL)).as("not a key proposal: the leader in charge is not told").isEmpty();

        fireAt(reminders, "2025-04-30T09:00");
        List<MimeMessage> secondRound = newMails();
        for (String address : List.of(HANDLER_MAIL, HEAD_MAIL, OFFICE_MAIL)) {
            MimeMessage mail = single(secondRound, address);
            assertThat(mail.getSubject()).endsWith("仍未办结，已逾期6个工作日");
            assertThat(text(mail)).contains("办理期限：2025-04-23", "已逾期 6 个工作日");
        }
        // 劳动节 1–5 May: the third round is on 2025-05-08
        assertThat(timer(reminders).getDuedate()).isEqualTo(at("2025-05-08T09:00"));

        // an administrator runs the reminder again (Cockpit: start before 提醒督办): nobody gets it twice
        runtime.createProcessInstanceModification(pi.getId()).startBeforeActivity(reminders.reminderId()).execute();
        management.executeJob(sendJob(reminders).getId());
        assertThat(newMails()).isEmpty();
        assertThat(timer(reminders).getDuedate()).isEqualTo(at("2025-05-08T09:00"));

        List<MailRow> rows = mailRows(contact.getId());
        assertThat(rows).allSatisfy(row -> assertThat(row.status()).isEqualTo("SENT"));
        assertThat(rows).extracting(row -> row.kind() + " " + row.occurrence() + " " + row.recipient()).doesNotHaveDuplicates();
        assertThat(rows).filteredOn(row -> row.recipient().equals(HANDLER_MAIL)).extracting(MailRow::occurrence)
                .containsExactly("2025-04-23#0", "2025-04-23#1", "2025-04-23#2", "2025-04-23#3", "2025-04-23#4");
        assertThat(rows).filteredOn(row -> row.recipient().equals(HEAD_MAIL)).extracting(MailRow::occurrence)
                .containsExactly("2025-04-23#3", "2025-04-23#4");

        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableNameLike("reminder%")
                .count()).as("reminders write no process variables").isZero();

        // the contact is recorded: the task's reminder timer ends with it, nothing more is mailed about it
        steps.complete(HANDLER, pi, TASK_COMMUNICATE_FIRST, ProposalSteps.communicateFirstForm());
        assertThat(jobs(reminders)).isZero();
    }

    @Test
    void aKeyProposalsEscalationAlsoReachesTheLeaderInCharge() throws Exception {
        String number = TestProposals.newNumber("WATCH");
        ProcessInstance pi = steps.register(request(number, true));
        steps.complete(OFFICE, pi, TASK_SIGN_FOR, form("signedOn", ASSIGNED_ON, "objectionRequested", false));
        steps.assign(pi, "food", List.of());
        Supervised reminders = of(steps.task(pi, TASK_COMMUNICATE_FIRST));

        clock("2025-04-27T09:00");
        fire(reminders);

        List<MimeMessage> escalation = newMails();
        for (String address : List.of(HANDLER_MAIL, HEAD_MAIL, OFFICE_MAIL, LEADER_MAIL)) {
            assertThat(single(escalation, address).getSubject()).contains(number, "仍未办结，已逾期3个工作日");
        }
    }

    @Test
    void eachAssistingDepartmentIsRemindedOfItsOwnOpinionOnce() throws Exception {
        user("watch-ip", "赵协办", "zhao.ip@bureau.example.cn", "dept-ip");
        String number = TestProposals.newNumber("WATCH");
        ProcessInstance pi = register(number);
        steps.complete(OFFICE, pi, TASK_SIGN_FOR, form("signedOn", ASSIGNED_ON, "objectionRequested", false));
        steps.assign(pi, "food", List.of("ip"));
        steps.complete(HANDLER, pi, TASK_COMMUNICATE_FIRST, ProposalSteps.communicateFirstForm());

        List<Task> opinions = steps.tasks(pi, ProcessElements.TASK_ASSISTING_OPINION);
        assertThat(opinions).singleElement().satisfies(task -> assertThat(task.getDueDate()).isEqualTo(at("2025-05-06T18:00")));
        Supervised reminders = of(opinions.get(0));
        assertThat(timer(reminders).getDuedate()).as("5 working days before 2025-05-06").isEqualTo(at("2025-04-25T09:00"));

        fireAt(reminders, "2025-04-25T09:00");

        List<MimeMessage> mails = newMails();
        assertThat(text(single(mails, "zhao.ip@bureau.example.cn"))).contains("协办处室提出办理意见", "还剩 5 个工作日");
        assertThat(to(mails, HANDLER_MAIL)).as("the lead department is not the one to give this opinion").isEmpty();
        assertThat(timer(reminders).getDuedate()).isEqualTo(at("2025-04-30T09:00"));
    }

    @Test
    void missedRemindersAreNotSentOneByOneOnlyTheLatest() throws Exception {
        String number = TestProposals.newNumber("WATCH");
        ProcessInstance pi = register(number);
        Task signFor = steps.task(pi, TASK_SIGN_FOR);
        Supervised reminders = of(signFor);
        fireAt(reminders, "2025-04-01T10:00:05");
        newMails();
        assertThat(timer(reminders).getDuedate()).isEqualTo(at("2025-04-03T09:00"));

        // nothing ran from 2025-04-03 until 2025-05-20: the overdue timer fires late
        clock("2025-05-20T11:00");
        fire(reminders);

        // only the escalation of 2025-05-16, not the reminder of 04-03, the notice of 04-07 or eight older escalations
        MimeMessage latest = single(newMails(), OFFICE_MAIL);
        assertThat(latest.getSubject()).isEqualTo("【提案办理督办】第" + number + "号提案“签收”仍未办结，已逾期29个工作日");
        assertThat(text(latest)).contains("办理期限：2025-04-07", "已逾期 29 个工作日");
        assertThat(mailRows(signFor.getId())).filteredOn(row -> row.recipient().equals(OFFICE_MAIL))
                .extracting(MailRow::kind, MailRow::occurrence)
                .containsExactly(tuple("REMINDER_BEFORE", "2025-04-07#0"),
                        tuple("ESCALATION", "2025-04-07#11"));
        assertThat(timer(reminders).getDuedate()).as("the next round, 3 working days after 2025-05-16")
                .isEqualTo(at("2025-05-21T09:00"));
    }

    @Test
    void aProposalRegisteredAfterItsSignForDeadlineGetsAnOverdueNoticeNotADueTodayNotice() throws Exception {
        // assigned on 04-01, registered only on Tuesday 04-08: signing for was due the day before
        clock("2025-04-08T10:00");
        String number = TestProposals.newNumber("WATCH");
        Task signFor = steps.task(register(number), TASK_SIGN_FOR);
        Supervised reminders = of(signFor);
        fireAt(reminders, "2025-04-08T10:00:05");

        MimeMessage notice = single(newMails(), OFFICE_MAIL);
        assertThat(notice.getSubject()).isEqualTo("【提案办理督办】第" + number + "号提案“签收”已逾期1个工作日");
        assertThat(text(notice)).contains("已于2025-04-07到期，现已逾期 1 个工作日").doesNotContain("今天到期");
        assertThat(mailRows(signFor.getId())).filteredOn(row -> row.recipient().equals(OFFICE_MAIL))
                .extracting(MailRow::kind, MailRow::occurrence).containsExactly(tuple("OVERDUE", "2025-04-07#2"));

        fireAt(reminders, "2025-04-10T09:00");
        assertThat(single(newMails(), OFFICE_MAIL).getSubject()).endsWith("仍未办结，已逾期3个工作日");
    }

    // ---- the answer deadline ---------------------------------------------------------------------

    @Test
    void theAnswerDeadlineIsRemindedFromTheLeadDepartmentsSideUntilTheMemberIsAnswered() throws Exception {
        String number = TestProposals.newNumber("WATCH");
        ProcessInstance pi = register(number);
        Supervised answer = answerOf(pi);
        assertThat(timer(answer).getDuedate()).as("5 working days before 2025-07-01").isEqualTo(at("2025-06-24T09:00"));
        steps.complete(OFFICE, pi, TASK_SIGN_FOR, form("signedOn", ASSIGNED_ON, "objectionRequested", false));
        steps.assign(pi, "food", List.of());

        fireAt(answer, "2025-06-24T09:00");

        MimeMessage reminder = single(newMails(), HANDLER_MAIL);
        assertThat(reminder.getSubject()).isEqualTo("【提案办理提醒】第" + number + "号提案“答复委员”将于2025-07-01到期");
        assertThat(text(reminder)).contains("还剩 5 个工作日", "办理环节：答复委员");
        assertThat(jdbc.sql("SELECT occurrence FROM pd_mail WHERE proposal_number = ? AND task_id IS NULL AND recipient = ?")
                .param(number).param(HANDLER_MAIL).query(String.class).list()).containsExactly("2025-07-01#0");
        assertThat(timer(answer).getDuedate()).isEqualTo(at("2025-06-30T09:00"));
    }

    @Test
    void theAnswerRemindersEndWithoutMailOnceTheMemberIsAnswered() throws Exception {
        String number = TestProposals.newNumber("WATCH");
        ProcessInstance pi = register(number);
        Supervised answer = answerOf(pi);

        steps.toDraftReply(pi);
        steps.draftReply(pi, "A");
        steps.approve(pi, TASK_REVIEW_DEPT_HEAD);
        steps.approve(pi, TASK_REVIEW_OFFICE);
        steps.approve(pi, TASK_SIGN_OFF_LEADER);
        steps.communicateBeforeReply(pi, true);
        steps.formalReply(pi, "2025-06-12");

        fireAt(answer, "2025-06-24T09:00");

        assertThat(newMails()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_mail WHERE proposal_number = ?").param(number).query(Integer.class).single())
                .isZero();
        assertThat(jobs(answer)).as("no further answer reminder").isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("End_AnswerReminded").count()).isEqualTo(1);
    }

    @Test
    void aProposalRegisteredThroughTheStartFormHasItsAnswerDeadlineRemindedToo() throws Exception {
        String number = TestProposals.newNumber("WATCH");
        Map<String, Object> startForm = new HashMap<>(Map.of("number", number, "source", "CPPCC", "session", "市政协七届四次会议",
                "title", title(number), "leadMemberName", "委员" + number, "suggestions", "建立校园周边食品经营者台账",
                "role", "SOLE", "keyProposal", false, "assignedOn", ASSIGNED_ON));
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(ProcessElements.HANDLING_PROCESS).latestVersion().singleResult().getId();
        ProcessInstance pi = engine.getFormService().submitStartForm(definition, startForm);
        Supervised answer = answerOf(pi);

        // the timer is made before the start event stores the proposal: it looks again a minute later
        fireAt(answer, "2025-04-01T10:01");

        assertThat(newMails()).isEmpty();
        assertThat(timer(answer).getDuedate()).as("5 working days before 2025-07-01").isEqualTo(at("2025-06-24T09:00"));
        assertThat(timer(of(steps.task(pi, TASK_SIGN_FOR))).getDuedate()).isEqualTo(at("2025-04-01T10:00:05"));
    }

    // ---- SMTP outage -----------------------------------------------------------------------------

    @Test
    void anSmtpOutageEndsInAnIncidentOnTheReminderAndRetryingSendsItOnce() throws Exception {
        String number = TestProposals.newNumber("WATCH");
        ProcessInstance pi = register(number);
        Task signFor = steps.task(pi, TASK_SIGN_FOR);
        tasks.claim(signFor.getId(), OFFICE);
        Supervised reminders = of(signFor);
        management.executeJob(timer(reminders).getId());
        smtp.stop();

        String jobId = sendJob(reminders).getId();
        for (int attempt = 1; sendJob(reminders).getRetries() > 0; attempt++) {
            assertThat(attempt).as("attempts before the retries (R5/PT10M) run out").isLessThanOrEqualTo(5);
            assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("邮件发送失败")
                    .hasMessageContaining(OFFICE_MAIL);
        }
        List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(pi.getId()).list();
        assertThat(incidents).singleElement().satisfies(incident -> {
            assertThat(incident.getActivityId()).isEqualTo(reminders.reminderId());
            assertThat(incident.getIncidentMessage()).contains("邮件发送失败");
        });
        assertThat(mailRows(signFor.getId())).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("FAILED");
            assertThat(row.attempts()).isEqualTo(5);
        });
        assertThat(timer(reminders).getDuedate()).as("the next reminder waits meanwhile").isEqualTo(at("2025-04-03T09:00"));

        smtp.start();
        management.setJobRetries(jobId, 1);
        management.executeJob(jobId);

        assertThat(smtp.getReceivedMessages()).singleElement()
                .satisfies(mail -> assertThat(recipients(mail)).containsExactly(OFFICE_MAIL));
        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(mailRows(signFor.getId())).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("SENT");
            assertThat(row.kind()).isEqualTo("REMINDER_BEFORE");
        });
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static Date at(String beijingTime) {
        return Date.from(LocalDateTime.parse(beijingTime).atZone(BEIJING).toInstant());
    }

    private static void clock(String beijingTime) {
        ClockUtil.setCurrentTime(at(beijingTime));
    }

    private static String title(String number) {
        return "关于规范校园周边食品经营的提案（" + number + "）";
    }

    private static RegistrationRequest request(String number, boolean key) {
        return new RegistrationRequest(number, "CPPCC", "市政协七届四次会议", title(number),
                new RegistrationRequest.LeadMember("委员" + number, "民盟", null, null, null), List.of(),
                List.of("建立校园周边食品经营者台账"), "SOLE", key, ASSIGNED_ON, null, List.of());
    }

    private ProcessInstance register(String number) {
        return steps.register(request(number, false));
    }

    /** The reminders of one deadline in a handling instance: its timer and the reminder task it leads to. */
    private record Supervised(String processInstanceId, String timerId, String reminderId) {
    }

    private static Supervised of(Task task) {
        return new Supervised(task.getProcessInstanceId(), ProcessElements.reminderTimerOf(task.getTaskDefinitionKey()),
                ProcessElements.reminderOf(task.getTaskDefinitionKey()));
    }

    private static Supervised answerOf(ProcessInstance pi) {
        return new Supervised(pi.getId(), ProcessElements.ANSWER_REMINDER_TIMER, ProcessElements.ANSWER_REMINDER);
    }

    private Job timer(Supervised reminders) {
        Job timer = management.createJobQuery().processInstanceId(reminders.processInstanceId())
                .activityId(reminders.timerId()).timers().singleResult();
        assertThat(timer).as("timer " + reminders.timerId()).isNotNull();
        return timer;
    }

    private Job sendJob(Supervised reminders) {
        return management.createJobQuery().processInstanceId(reminders.processInstanceId())
                .activityId(reminders.reminderId()).messages().singleResult();
    }

    private long jobs(Supervised reminders) {
        return management.createJobQuery().processInstanceId(reminders.processInstanceId()).activityId(reminders.timerId())
                .count() + management.createJobQuery().processInstanceId(reminders.processInstanceId())
                .activityId(reminders.reminderId()).count();
    }

    /** The timer fires and the reminder job runs, as the job executor would do now. */
    private void fire(Supervised reminders) {
        Job timer = timer(reminders);
        assertThat(timer.getDuedate()).as("the timer is due").isBeforeOrEqualTo(ClockUtil.getCurrentTime());
        management.executeJob(timer.getId());
        management.executeJob(sendJob(reminders).getId());
    }

    /** Moves the clock to the moment the timer is expected to be due, and fires it. */
    private void fireAt(Supervised reminders, String beijingTime) {
        assertThat(timer(reminders).getDuedate()).isEqualTo(at(beijingTime));
        clock(beijingTime);
        fire(reminders);
    }

    /** The mails received since the last call (GreenMail lists them by mailbox, not in order: empty them instead). */
    private List<MimeMessage> newMails() throws FolderException {
        List<MimeMessage> fresh = List.of(smtp.getReceivedMessages());
        smtp.purgeEmailFromAllMailboxes();
        return fresh;
    }

    private static List<MimeMessage> to(List<MimeMessage> mails, String address) {
        return mails.stream().filter(m -> recipients(m).contains(address)).toList();
    }

    private static MimeMessage single(List<MimeMessage> mails, String address) {
        List<MimeMessage> addressed = to(mails, address);
        assertThat(addressed).as("mails to " + address).hasSize(1);
        return addressed.get(0);
    }

    private static String text(MimeMessage mail) {
        return body(mail, "text/plain");
    }

    record MailRow(String kind, String occurrence, String recipient, String status, int attempts) {
    }

    private List<MailRow> mailRows(String taskId) {
        return jdbc.sql("SELECT kind, occurrence, recipient, status, attempts FROM pd_mail WHERE task_id = ? ORDER BY id")
                .param(taskId).query(MailRow.class).list();
    }
}
