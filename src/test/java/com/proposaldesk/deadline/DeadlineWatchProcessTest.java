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
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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
import com.proposaldesk.process.ProcessVariables;
import com.proposaldesk.proposal.RegistrationRequest;
import com.proposaldesk.reminder.MailTestSupport;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

import jakarta.mail.internet.MimeMessage;

/**
 * The {@code deadline-watch} process as the bureau lives it: the engine clock moves from one occurrence to the next, the
 * timer fires and the reminder job runs (by hand: the job executor is off in tests), and the people responsible find
 * the reminders, the due-day notice and the escalations in their mailboxes (GreenMail).
 *
 * <p>Assigned on Tuesday 2025-04-01, a proposal must be signed for within 3 working days: by Monday 2025-04-07
 * (清明节 4–6 April). Reminders go out 5 and 1 working days before (2025-03-28, already past at registration, and
 * 2025-04-03), a notice on the day, then an escalation every 3 working days. The first contact with the member is due
 * 15 working days after assignment, on 2025-04-23, and escalated on 2025-04-27, a Sunday worked before 劳动节.
 */
class DeadlineWatchProcessTest extends MailTestSupport {

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
    @Autowired
    DeadlineWatches watches;

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
        ProcessInstance watch = watchOf(signFor);
        assertThat(runtime.getVariables(watch.getId())).containsEntry(DeadlineWatch.DUE_DATE, "2025-04-07")
                .containsEntry(DeadlineWatch.WATCHED_TASK_NAME, "签收").containsEntry(ProcessVariables.PROPOSAL_NUMBER, number);
        // the reminder 5 working days before (2025-03-28) is past already: it goes out now
        assertThat(timer(watch).getDuedate()).isEqualTo(at("2025-04-01T10:00"));

        fire(watch);
        MimeMessage first = single(newMails(), OFFICE_MAIL);
        assertThat(first.getSubject()).isEqualTo("【提案办理提醒】第" + number + "号提案“签收”将于2025-04-07到期");
        assertThat(text(first)).contains("周提案，您好", "将于2025-04-07到期，还剩 3 个工作日", "办理环节：签收", title(number));

        fireAt(watch, "2025-04-03T09:00");
        MimeMessage dayBefore = single(newMails(), OFFICE_MAIL);
        assertThat(dayBefore.getSubject()).isEqualTo("【提案办理提醒】第" + number + "号提案“签收”将于2025-04-07到期");
        assertThat(text(dayBefore)).contains("还剩 1 个工作日");

        fireAt(watch, "2025-04-07T09:00");
        MimeMessage dueDay = single(newMails(), OFFICE_MAIL);
        assertThat(dueDay.getSubject()).isEqualTo("【提案办理提醒】第" + number + "号提案“签收”今天（2025-04-07）到期");
        assertThat(text(dueDay)).contains("今天到期", "办理期限：2025-04-07");

        fireAt(watch, "2025-04-10T09:00");
        List<MimeMessage> escalation = newMails();
        MimeMessage overdue = single(escalation, OFFICE_MAIL);
        assertThat(overdue.getSubject()).isEqualTo("【提案办理督办】第" + number + "号提案“签收”仍未办结，已逾期3个工作日");
        assertThat(text(overdue)).contains("已逾期 3 个工作日仍未办结，现予督办", "办理期限：2025-04-07");
        assertThat(body(overdue, "text/html")).contains("2025-04-07", "已逾期 3 个工作日", settings.taskUrl(signFor.getId()));
        // no department holds the case yet: the office alone is told
        assertThat(to(escalation, HANDLER_MAIL)).isEmpty();
        assertThat(to(escalation, HEAD_MAIL)).isEmpty();
        assertThat(timer(watch).getDuedate()).isEqualTo(at("2025-04-15T09:00"));

        assertThat(mailRows(signFor.getId())).filteredOn(row -> row.recipient().equals(OFFICE_MAIL))
                .extracting(MailRow::kind, MailRow::occurrence, MailRow::status)
                .containsExactly(
                        tuple("REMINDER_BEFORE", "2025-04-07#0", "SENT"),
                        tuple("REMINDER_BEFORE", "2025-04-07#1", "SENT"),
                        tuple("DUE_TODAY", "2025-04-07#2", "SENT"),
                        tuple("ESCALATION", "2025-04-07#3", "SENT"));

        // signing for ends the watch of 签收; 分派 gets one of its own, 3 working days after signing for
        steps.complete(OFFICE, pi, TASK_SIGN_FOR, form("signedOn", "2025-04-10", "objectionRequested", false));
        assertEnded(watch, "任务已办理完成");
        Task assign = steps.task(pi, "Task_Assign");
        assertThat(assign.getDueDate()).isEqualTo(at("2025-04-15T18:00"));
        assertThat(runtime.getVariable(watchOf(assign).getId(), DeadlineWatch.DUE_DATE)).isEqualTo("2025-04-15");
    }

    @Test
    void anOverdueDepartmentTaskIsEscalatedToItsHeadAndTheOfficeEveryThreeWorkingDaysAndEachMailGoesOutOnce() throws Exception {
        String number = TestProposals.newNumber("WATCH");
        ProcessInstance pi = register(number);
        steps.complete(OFFICE, pi, TASK_SIGN_FOR, form("signedOn", ASSIGNED_ON, "objectionRequested", false));
        steps.assign(pi, "food", List.of());

        Task contact = steps.task(pi, TASK_COMMUNICATE_FIRST);
        assertThat(contact.getDueDate()).isEqualTo(at("2025-04-23T18:00"));
        ProcessInstance watch = watchOf(contact);
        assertThat(timer(watch).getDuedate()).as("5 working days before 2025-04-23").isEqualTo(at("2025-04-16T09:00"));

        fireAt(watch, "2025-04-16T09:00");
        List<MimeMessage> reminder = newMails();
        assertThat(text(single(reminder, HANDLER_MAIL))).contains("还剩 5 个工作日", "先沟通后办理：联系委员");
        assertThat(to(reminder, HEAD_MAIL)).isEmpty();
        assertThat(to(reminder, OFFICE_MAIL)).isEmpty();

        fireAt(watch, "2025-04-22T09:00");
        assertThat(text(single(newMails(), HANDLER_MAIL))).contains("还剩 1 个工作日");
        fireAt(watch, "2025-04-23T09:00");
        assertThat(single(newMails(), HANDLER_MAIL).getSubject()).contains("今天（2025-04-23）到期");

        // 3 working days overdue on Sunday 2025-04-27, a working day before 劳动节
        fireAt(watch, "2025-04-27T09:00");
        List<MimeMessage> firstRound = newMails();
        for (String address : List.of(HANDLER_MAIL, HEAD_MAIL, OFFICE_MAIL)) {
            MimeMessage mail = single(firstRound, address);
            assertThat(mail.getSubject()).isEqualTo("【提案办理督办】第" + number + "号提案“先沟通后办理：联系委员”仍未办结，已逾期3个工作日");
            assertThat(text(mail)).contains("办理期限：2025-04-23", "已逾期 3 个工作日");
        }
        assertThat(to(firstRound, LEADER_MAIL)).as("not a key proposal: the leader in charge is not told").isEmpty();

        fireAt(watch, "2025-04-30T09:00");
        List<MimeMessage> secondRound = newMails();
        for (String address : List.of(HANDLER_MAIL, HEAD_MAIL, OFFICE_MAIL)) {
            MimeMessage mail = single(secondRound, address);
            assertThat(mail.getSubject()).endsWith("仍未办结，已逾期6个工作日");
            assertThat(text(mail)).contains("办理期限：2025-04-23", "已逾期 6 个工作日");
        }
        // 劳动节 1–5 May: the third round is on 2025-05-08
        assertThat(timer(watch).getDuedate()).isEqualTo(at("2025-05-08T09:00"));

        // an administrator runs the second round again (Cockpit: move the token back before 发送提醒): nobody gets it twice
        runtime.createProcessInstanceModification(watch.getId()).cancelAllForActivity("Timer_NextReminder")
                .startBeforeActivity("Task_SendReminder").setVariable(DeadlineWatch.REMINDER_INDEX, 4).execute();
        management.executeJob(asyncJob(watch).getId());
        assertThat(newMails()).isEmpty();
        assertThat(timer(watch).getDuedate()).isEqualTo(at("2025-05-08T09:00"));

        List<MailRow> rows = mailRows(contact.getId());
        assertThat(rows).allSatisfy(row -> assertThat(row.status()).isEqualTo("SENT"));
        assertThat(rows).extracting(row -> row.kind() + " " + row.occurrence() + " " + row.recipient()).doesNotHaveDuplicates();
        assertThat(rows).filteredOn(row -> row.recipient().equals(HANDLER_MAIL)).extracting(MailRow::occurrence)
                .containsExactly("2025-04-23#0", "2025-04-23#1", "2025-04-23#2", "2025-04-23#3", "2025-04-23#4");
        assertThat(rows).filteredOn(row -> row.recipient().equals(HEAD_MAIL)).extracting(MailRow::occurrence)
                .containsExactly("2025-04-23#3", "2025-04-23#4");

        // the contact is recorded: the watch of this task ends, nothing more is mailed about it
        steps.complete(HANDLER, pi, TASK_COMMUNICATE_FIRST, ProposalSteps.communicateFirstForm());
        assertEnded(watch, "任务已办理完成");
        assertThat(management.createJobQuery().processInstanceId(watch.getId()).count()).isZero();
    }

    @Test
    void aKeyProposalsEscalationAlsoReachesTheLeaderInCharge() throws Exception {
        String number = TestProposals.newNumber("WATCH");
        ProcessInstance pi = steps.register(request(number, true));
        steps.complete(OFFICE, pi, TASK_SIGN_FOR, form("signedOn", ASSIGNED_ON, "objectionRequested", false));
        steps.assign(pi, "food", List.of());
        ProcessInstance watch = watchOf(steps.task(pi, TASK_COMMUNICATE_FIRST));

        clock("2025-04-27T09:00");
        fire(watch);

        List<MimeMessage> escalation = newMails();
        for (String address : List.of(HANDLER_MAIL, HEAD_MAIL, OFFICE_MAIL, LEADER_MAIL)) {
            assertThat(single(escalation, address).getSubject()).contains(number, "仍未办结，已逾期3个工作日");
        }
    }

    @Test
    void aWatchThatMissedItsOccurrencesSendsOnlyTheLatestOne() throws Exception {
        String number = TestProposals.newNumber("WATCH");
        ProcessInstance pi = register(number);
        Task signFor = steps.task(pi, TASK_SIGN_FOR);
        ProcessInstance watch = watchOf(signFor);
        fire(watch);
        newMails();
        assertThat(timer(watch).getDuedate()).isEqualTo(at("2025-04-03T09:00"));

        // nothing ran from 2025-04-03 until 2025-05-20: the overdue timer fires late
        clock("2025-05-20T11:00");
        fire(watch);

        // only the escalation of 2025-05-16, not the reminder of 04-03, the notice of 04-07 or eight older escalations
        MimeMessage latest = single(newMails(), OFFICE_MAIL);
        assertThat(latest.getSubject()).isEqualTo("【提案办理督办】第" + number + "号提案“签收”仍未办结，已逾期29个工作日");
        assertThat(text(latest)).contains("办理期限：2025-04-07", "已逾期 29 个工作日");
        assertThat(mailRows(signFor.getId())).filteredOn(row -> row.recipient().equals(OFFICE_MAIL))
                .extracting(MailRow::kind, MailRow::occurrence)
                .containsExactly(tuple("REMINDER_BEFORE", "2025-04-07#0"),
                        tuple("ESCALATION", "2025-04-07#11"));
        assertThat(timer(watch).getDuedate()).as("the next round, 3 working days after 2025-05-16")
                .isEqualTo(at("2025-05-21T09:00"));
    }

    @Test
    void aProposalRegisteredAfterItsSignForDeadlineGetsAnOverdueNoticeNotADueTodayNotice() throws Exception {
        // assigned on 04-01, registered only on Tuesday 04-08: signing for was due the day before
        clock("2025-04-08T10:00");
        String number = TestProposals.newNumber("WATCH");
        Task signFor = steps.task(register(number), TASK_SIGN_FOR);
        ProcessInstance watch = watchOf(signFor);
        assertThat(timer(watch).getDuedate()).isEqualTo(at("2025-04-08T10:00"));

        fire(watch);

        MimeMessage notice = single(newMails(), OFFICE_MAIL);
        assertThat(notice.getSubject()).isEqualTo("【提案办理督办】第" + number + "号提案“签收”已逾期1个工作日");
        assertThat(text(notice)).contains("已于2025-04-07到期，现已逾期 1 个工作日").doesNotContain("今天到期");
        assertThat(mailRows(signFor.getId())).filteredOn(row -> row.recipient().equals(OFFICE_MAIL))
                .extracting(MailRow::kind, MailRow::occurrence).containsExactly(tuple("OVERDUE", "2025-04-07#2"));

        fireAt(watch, "2025-04-10T09:00");
        assertThat(single(newMails(), OFFICE_MAIL).getSubject()).endsWith("仍未办结，已逾期3个工作日");
    }

    // ---- the answer deadline ---------------------------------------------------------------------

    @Test
    void theAnswerDeadlineIsWatchedFromRegistrationAndTheWatchEndsWithoutMailOnceTheMemberIsAnswered() throws Exception {
        String number = TestProposals.newNumber("WATCH");
        ProcessInstance pi = register(number);

        ProcessInstance answerWatch = answerWatchOf(number);
        assertThat(runtime.getVariables(answerWatch.getId())).containsEntry(DeadlineWatch.DUE_DATE, "2025-07-01")
                .containsEntry(DeadlineWatch.WATCHED_TASK_NAME, "答复委员").doesNotContainKey(DeadlineWatch.WATCHED_TASK_ID);
        assertThat(timer(answerWatch).getDuedate()).as("5 working days before 2025-07-01").isEqualTo(at("2025-06-24T09:00"));

        steps.toDraftReply(pi);
        steps.draftReply(pi, "A");
        steps.approve(pi, TASK_REVIEW_DEPT_HEAD);
        steps.approve(pi, TASK_REVIEW_OFFICE);
        steps.approve(pi, TASK_SIGN_OFF_LEADER);
        steps.communicateBeforeReply(pi, true);
        steps.formalReply(pi, "2025-06-12");

        fireAt(answerWatch, "2025-06-24T09:00");

        assertThat(newMails()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_mail WHERE proposal_number = ?").param(number).query(Integer.class).single())
                .isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(answerWatch.getId()).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(answerWatch.getId())
                .activityId("End_WatchEnded").count()).isEqualTo(1);
    }

    @Test
    void aTaskWatchIsFoundByItsTaskIdAsBusinessKeyAndOlderUnkeyedWatchesStillEndWithTheirTask() {
        String number = TestProposals.newNumber("WATCH");
        ProcessInstance pi = register(number);
        Task signFor = steps.task(pi, ProcessElements.TASK_SIGN_FOR);
        ProcessInstance keyed = watchOf(signFor);
        assertThat(keyed.getBusinessKey()).isEqualTo(signFor.getId());
        assertThat(answerWatchOf(number).getBusinessKey()).as("the answer watch has no task").isNull();
        assertThat(watches.countUnkeyedTaskWatches()).isZero();

        // a watch as an older version started it: no business key, only the variable
        Map<String, Object> older = new HashMap<>(runtime.getVariables(keyed.getId()));
        older.put(DeadlineWatch.WATCHED_TASK_ID, signFor.getId());
        runtime.deleteProcessInstance(keyed.getId(), "replaced by an unkeyed watch", true, true);
        ProcessInstance unkeyed = runtime.startProcessInstanceByKey(DeadlineWatches.PROCESS, older);
        assertThat(watches.countUnkeyedTaskWatches()).isEqualTo(1);

        steps.signFor(pi);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(unkeyed.getId()).count()).isZero();
        assertThat(watches.countUnkeyedTaskWatches()).isZero();
    }

    // ---- SMTP outage -----------------------------------------------------------------------------

    @Test
    void anSmtpOutageEndsInAnIncidentOnTheWatchAndRetryingSendsTheReminderOnce() throws Exception {
        String number = TestProposals.newNumber("WATCH");
        ProcessInstance pi = register(number);
        Task signFor = steps.task(pi, TASK_SIGN_FOR);
        tasks.claim(signFor.getId(), OFFICE);
        ProcessInstance watch = watchOf(signFor);
        management.executeJob(timer(watch).getId());
        smtp.stop();

        String jobId = asyncJob(watch).getId();
        for (int attempt = 1; asyncJob(watch).getRetries() > 0; attempt++) {
            assertThat(attempt).as("attempts before the retries (R5/PT10M) run out").isLessThanOrEqualTo(5);
            assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("邮件发送失败")
                    .hasMessageContaining(OFFICE_MAIL);
        }
        List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(watch.getId()).list();
        assertThat(incidents).singleElement().satisfies(incident -> {
            assertThat(incident.getActivityId()).isEqualTo("Task_SendReminder");
            assertThat(incident.getIncidentMessage()).contains("邮件发送失败");
        });
        assertThat(mailRows(signFor.getId())).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("FAILED");
            assertThat(row.attempts()).isEqualTo(5);
        });

        smtp.start();
        management.setJobRetries(jobId, 1);
        management.executeJob(jobId);

        assertThat(smtp.getReceivedMessages()).singleElement()
                .satisfies(mail -> assertThat(recipients(mail)).containsExactly(OFFICE_MAIL));
        assertThat(runtime.createIncidentQuery().processInstanceId(watch.getId()).count()).isZero();
        assertThat(mailRows(signFor.getId())).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("SENT");
            assertThat(row.kind()).isEqualTo("REMINDER_BEFORE");
        });
        assertThat(timer(watch).getDuedate()).isEqualTo(at("2025-04-03T09:00"));
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

    private ProcessInstance watchOf(Task task) {
        ProcessInstance watch = runtime.createProcessInstanceQuery().processDefinitionKey(DeadlineWatches.PROCESS)
                .processInstanceBusinessKey(task.getId()).singleResult();
        assertThat(watch).as("deadline watch of task " + task.getTaskDefinitionKey()).isNotNull();
        return watch;
    }

    private ProcessInstance answerWatchOf(String number) {
        List<ProcessInstance> watches = runtime.createProcessInstanceQuery().processDefinitionKey(DeadlineWatches.PROCESS)
                .variableValueEquals(ProcessVariables.PROPOSAL_NUMBER, number).list().stream()
                .filter(w -> w.getBusinessKey() == null).toList();
        assertThat(watches).as("answer deadline watch of " + number).hasSize(1);
        return watches.get(0);
    }

    private Job timer(ProcessInstance watch) {
        return management.createJobQuery().processInstanceId(watch.getId()).timers().singleResult();
    }

    private Job asyncJob(ProcessInstance watch) {
        return management.createJobQuery().processInstanceId(watch.getId()).messages().singleResult();
    }

    /** The timer fires and the reminder job runs, as the job executor would do now. */
    private void fire(ProcessInstance watch) {
        Job timer = timer(watch);
        assertThat(timer.getDuedate()).as("the timer is due").isBeforeOrEqualTo(ClockUtil.getCurrentTime());
        management.executeJob(timer.getId());
        management.executeJob(asyncJob(watch).getId());
    }

    /** Moves the clock to the moment the watch's timer is expected to be due, and fires it. */
    private void fireAt(ProcessInstance watch, String beijingTime) {
        assertThat(timer(watch).getDuedate()).isEqualTo(at(beijingTime));
        clock(beijingTime);
        fire(watch);
    }

    private void assertEnded(ProcessInstance watch, String reason) {
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(watch.getId()).count()).isZero();
        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(watch.getId())
                .singleResult();
        assertThat(ended.getDeleteReason()).isEqualTo(reason);
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
