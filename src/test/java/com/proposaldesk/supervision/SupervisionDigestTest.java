package com.proposaldesk.supervision;

import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_DEPT_HEAD;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_OFFICE;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_FOR;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_OFF_LEADER;
import static com.proposaldesk.support.ProposalSteps.OFFICE;
import static com.proposaldesk.support.ProposalSteps.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.proposaldesk.registration.RegistrationRequest;
import com.proposaldesk.reminder.MailTestSupport;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

import jakarta.mail.internet.MimeMessage;

/**
 * 定期督办: the weekly digest the office and the leaders receive. On Friday 2025-06-20 the bureau has a proposal not
 * signed for since 06-13, a first contact with a member overdue in 知识产权处 since 05-27, one due on 06-26 in 食品安全处,
 * one due only on 07-10, and a reply awaiting the member's evaluation.
 */
class SupervisionDigestTest extends MailTestSupport {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 20);
    private static final String PROCESS = "supervision-digest";

    private static final String OFFICE_MAIL = "digest.office@bureau.example.cn";
    private static final String LEADER_MAIL = "digest.leader@bureau.example.cn";
    private static final String PRINCIPAL_MAIL = "digest.principal@bureau.example.cn";
    private static final String HANDLER_MAIL = "digest.food@bureau.example.cn";

    @Autowired
    ManagementService management;
    @Autowired
    SupervisionDigest digest;

    private ProposalSteps steps;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        steps = new ProposalSteps(engine, registration);
        user("digest-office", "周提案", OFFICE_MAIL, "office");
        user("digest-leader", "陈副局长", LEADER_MAIL, "leader");
        user("digest-principal", "刘局长", PRINCIPAL_MAIL, "principal");
        user("digest-food", "李经办", HANDLER_MAIL, "dept-food");
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    /** The proposals of the story, by role in it. */
    private record Bureau(String notSignedFor, String contactOverdue, String contactDueSoon, String contactDueLater,
            String awaitingEvaluation) {
    }

    private Bureau bureau() {
        // 签收 due 2025-06-13, 5 working days overdue on 06-20
        String notSignedFor = TestProposals.newNumber("DIGEST");
        clock("2025-06-10T10:00");
        register(notSignedFor, "2025-06-10");

        // first contact due 15 working days after 05-06: 05-27, 17 working days overdue (端午节 05-31 – 06-02)
        String contactOverdue = TestProposals.newNumber("DIGEST");
        assigned(contactOverdue, "2025-05-06", "ip");

        // first contact due 2025-06-26: 4 working days left
        String contactDueSoon = TestProposals.newNumber("DIGEST");
        assigned(contactDueSoon, "2025-06-05", "food");

        // first contact due 2025-07-10: not yet worth a mention
        String contactDueLater = TestProposals.newNumber("DIGEST");
        assigned(contactDueLater, "2025-06-19", "food");

        // replied on 06-12: the member's evaluation is due 20 working days later, on 07-10
        String awaitingEvaluation = TestProposals.newNumber("DIGEST");
        clock("2025-04-01T10:00");
        ProcessInstance pi = register(awaitingEvaluation, "2025-04-01");
        steps.toDraftReply(pi);
        steps.draftReply(pi, "A");
        steps.approve(pi, TASK_REVIEW_DEPT_HEAD);
        steps.approve(pi, TASK_REVIEW_OFFICE);
        steps.approve(pi, TASK_SIGN_OFF_LEADER);
        steps.communicateBeforeReply(pi, true);
        steps.formalReply(pi, "2025-06-12");

        clock("2025-06-20T08:30");
        return new Bureau(notSignedFor, contactOverdue, contactDueSoon, contactDueLater, awaitingEvaluation);
    }

    @Test
    void theDigestListsOverdueWorkWorkDueWithinFiveWorkingDaysAndRepliesAwaitingEvaluationPerDepartment() {
        Bureau b = bureau();

        Map<String, Map<String, List<String>>> sections = sections(digest.compose(TODAY));

        assertThat(sections.keySet()).hasSize(3).allSatisfy(heading -> assertThat(heading).matches(".*（\\d+ 件）"));
        Map<String, List<String>> overdue = section(sections, "一、已超期");
        Map<String, List<String>> dueSoon = section(sections, "二、5 个工作日内到期");
        Map<String, List<String>> awaiting = section(sections, "三、已答复、待委员评价");

        assertThat(overdue.get("提案办")).contains(
                "第" + b.notSignedFor() + "号《" + title(b.notSignedFor()) + "》 签收，期限 2025-06-13，已超期 5 个工作日");
        assertThat(overdue.get("知识产权处")).contains("第" + b.contactOverdue() + "号《" + title(b.contactOverdue())
                + "》 先沟通后办理：联系委员，期限 2025-05-27，已超期 17 个工作日");
        assertThat(dueSoon.get("食品安全处")).contains("第" + b.contactDueSoon() + "号《" + title(b.contactDueSoon())
                + "》 先沟通后办理：联系委员，期限 2025-06-26，剩余 4 个工作日");
        assertThat(awaiting.get("提案办")).contains(
                "第" + b.awaitingEvaluation() + "号《" + title(b.awaitingEvaluation()) + "》 登记委员评价");

        String all = digest.compose(TODAY);
        assertThat(all).doesNotContain(b.contactDueLater());
        assertThat(lines(overdue)).noneMatch(line -> line.contains(b.contactDueSoon()) || line.contains(b.awaitingEvaluation()));
        assertThat(lines(dueSoon)).noneMatch(line -> line.contains(b.notSignedFor()) || line.contains(b.contactOverdue())
                || line.contains(b.awaitingEvaluation()));
        assertThat(lines(awaiting)).noneMatch(line -> line.contains(b.contactDueSoon()) || line.contains(b.notSignedFor()));
        // a section's count is the number of its lines
        sections.forEach((heading, byDepartment) -> {
            if (!byDepartment.isEmpty()) {
                assertThat(heading).endsWith("（" + lines(byDepartment).size() + " 件）");
            }
        });
    }

    @Test
    void theWeeklyDigestIsMailedToTheOfficeTheLeadersAndThePrincipalOncePerDay() throws Exception {
        Bureau b = bureau();
        clock("2025-06-20T09:00");

        // the Monday-morning timer (0 0 9 ? * MON in Beijing, whatever the server's zone) fires; the digest is an
        // asynchronous step after it
        Job timer = management.createJobQuery().processDefinitionKey(PROCESS).timers().singleResult();
        management.executeJob(timer.getId());
        Job nextTimer = management.createJobQuery().processDefinitionKey(PROCESS).timers().singleResult();
        assertThat(nextTimer.getDuedate().toInstant().atZone(BEIJING).toLocalDateTime())
                .as("next Monday 09:00 in Beijing").isEqualTo(LocalDateTime.of(2025, 6, 23, 9, 0));
        management.executeJob(sendJob().getId());

        assertThat(management.createJobQuery().processDefinitionKey(PROCESS).messages().count()).isZero();
        for (String address : List.of(OFFICE_MAIL, LEADER_MAIL, PRINCIPAL_MAIL)) {
            List<MimeMessage> mails = mailsTo(address);
            assertThat(mails).as("digests to " + address).hasSize(1);
            MimeMessage mail = mails.get(0);
            assertThat(mail.getSubject()).isEqualTo("【提案办理汇总】截至2025-06-20的提案办理情况");
            String text = body(mail, "text/plain");
            assertThat(text).contains("截至2025-06-20，提案办理情况如下", "一、已超期", "二、5 个工作日内到期", "三、已答复、待委员评价",
                    "知识产权处：", "第" + b.contactOverdue() + "号", "已超期 17 个工作日",
                    "食品安全处：", "第" + b.contactDueSoon() + "号", "剩余 4 个工作日", "第" + b.awaitingEvaluation() + "号");
            assertThat(body(mail, "text/html")).contains("第" + b.notSignedFor() + "号", "已超期 5 个工作日");
        }
        assertThat(mailsTo(HANDLER_MAIL)).as("handlers get their own reminders, not the digest").isEmpty();

        // run again the same day (a retry, or the timer moved by hand): nobody gets it twice
        management.executeJob(nextTimer.getId());
        management.executeJob(sendJob().getId());
        for (String address : List.of(OFFICE_MAIL, LEADER_MAIL, PRINCIPAL_MAIL)) {
            assertThat(mailsTo(address)).hasSize(1);
        }
        assertThat(jdbc.sql("SELECT recipient, status, occurrence FROM pd_mail WHERE kind = 'DIGEST'").query().listOfRows())
                .filteredOn(row -> List.of(OFFICE_MAIL, LEADER_MAIL, PRINCIPAL_MAIL).contains(row.get("RECIPIENT")))
                .hasSize(3)
                .allSatisfy(row -> assertThat(row).containsEntry("STATUS", "SENT").containsEntry("OCCURRENCE", "digest-2025-06-20"));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Job sendJob() {
        return management.createJobQuery().processDefinitionKey(PROCESS).messages().singleResult();
    }

    private static String title(String number) {
        return "关于加强食品安全监管的提案（" + number + "）";
    }

    private ProcessInstance register(String number, String assignedOn) {
        return steps.register(new RegistrationRequest(number, "CPPCC", "市政协七届四次会议", title(number),
                new RegistrationRequest.LeadMember("委员" + number, "民盟", null, null, null), List.of(),
                List.of("建立食品经营者台账"), "SOLE", false, assignedOn, null, List.of()));
    }

    /** Registered, signed for and assigned to the department on the day it came in. */
    private void assigned(String number, String assignedOn, String department) {
        clock(assignedOn + "T10:00");
        ProcessInstance pi = register(number, assignedOn);
        steps.complete(OFFICE, pi, TASK_SIGN_FOR, form("signedOn", assignedOn, "objectionRequested", false));
        steps.assign(pi, department, List.of());
    }

    private static void clock(String beijingTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(beijingTime).atZone(BEIJING).toInstant()));
    }

    /** The digest text as heading → department → lines. */
    private static Map<String, Map<String, List<String>>> sections(String text) {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        List<String> lines = null;
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.equals("无")) {
                continue;
            }
            if (line.matches("^[一二三]、.*")) {
                current = new LinkedHashMap<>();
                sections.put(line, current);
            } else if (line.startsWith("  ")) {
                lines.add(line.strip());
            } else {
                assertThat(line).as("a department heading").endsWith("：");
                lines = new ArrayList<>();
                current.put(line.substring(0, line.length() - 1), lines);
            }
        }
        return sections;
    }

    private static Map<String, List<String>> section(Map<String, Map<String, List<String>>> sections, String prefix) {
        return sections.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no section " + prefix + " in " + sections.keySet()));
    }

    private static List<String> lines(Map<String, List<String>> byDepartment) {
        return byDepartment.values().stream().flatMap(List::stream).toList();
    }
}
