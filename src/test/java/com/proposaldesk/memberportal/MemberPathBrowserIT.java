package com.proposaldesk.memberportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;
import com.proposaldesk.member.MemberRepository;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.support.BrowserTestBase;
import com.proposaldesk.support.HeadlessChromium;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * A lead member's walk at phone size (375×812, as in WeChat's browser), from the mails the SMTP server received: the
 * assignment mail's progress link, agreement with the draft reply, and the evaluation after the formal reply. The
 * screenshots are kept as {@code target/e2e/member-progress.png}, {@code member-agreement.png} and
 * {@code member-evaluation.png} (docs/ holds copies).
 */
class MemberPathBrowserIT extends BrowserTestBase {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/member/[A-Za-z0-9_.-]+)");

    @Autowired
    GreenMail smtp;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    MemberRepository members;
    @Autowired
    ProposalRepository proposals;

    @AfterEach
    void resetAssertions() {
        BpmnAwareTests.reset();
    }

    @Test
    void theLeadMemberFollowsTheProposalAgreesWithTheDraftAndEvaluatesOnHisPhone() throws Exception {
        BpmnAwareTests.init(engine);
        ProposalSteps steps = new ProposalSteps(engine, registration);
        MemberProposals walk = new MemberProposals(steps, members);
        String number = TestProposals.newNumber("MWALK");
        String member = "member-" + number.toLowerCase() + "@example.cn";
        ProcessInstance pi = walk.register(number);
        steps.toDraftReply(pi);

        HeadlessChromium phone = browser("zh-CN");
        phone.driver().manage().window().setSize(new Dimension(375, 812));

        // 1. the assignment mail: who handles the proposal
        String progress = linkIn(mailTo(member, "已交办"));
        phone.open(progress);
        phone.visible(By.id("proposal"));
        assertThat(phone.text()).contains("委员" + number + "委员，您好", "第" + number + "号", "主办处室", "食品安全处",
                "先沟通后办理");
        assertNoSidewaysScrolling(phone);
        Path progressShot = phone.screenshot("member-progress");

        // 2. the draft reply for 先沟通后答复: the member agrees online, the handler's task ends by itself
        walk.draftAndSign(pi);
        String agreement = linkIn(mailTo(member, "征求意见稿"));
        phone.open(agreement);
        phone.visible(By.id("agreement-form"));
        assertThat(phone.text()).contains("答复意见（征求意见稿）", "第 1 稿");
        phone.visible(By.id("decision-agree")).click();
        phone.visible(By.id("agreement-comment")).sendKeys("答复具体可行，同意正式答复。");
        assertNoSidewaysScrolling(phone);
        Path agreementShot = screenshotOf(phone, "agreement", "member-agreement");
        phone.visible(By.cssSelector("#agreement-form button[type=submit]")).click();
        phone.visible(By.id("notice"));
        assertThat(phone.text()).contains("您的意见已提交，并已转交承办处室办理", "您已提交：同意答复意见");
        BpmnAwareTests.assertThat(pi).hasPassed(ProcessElements.MESSAGE_MEMBER_ANSWERED_DRAFT)
                .isWaitingAtExactly(ProcessElements.TASK_FORMAL_REPLY);

        // 3. the formal reply: the letter, and the evaluation with its items
        steps.formalReply(pi, "2025-06-20");
        String evaluation = linkIn(mailTo(member, "请您评价"));
        phone.open(evaluation);
        phone.visible(By.id("evaluation-form"));
        assertThat(phone.text()).contains("下载答复函", "总体评价", "办理态度", "办理结果", "沟通联系");
        phone.visible(By.id("result-SATISFIED")).click();
        phone.visible(By.id("attitude-SATISFIED")).click();
        phone.visible(By.id("outcome-BASICALLY_SATISFIED")).click();
        phone.visible(By.id("consultation-SATISFIED")).click();
        phone.visible(By.id("evaluation-comment")).sendKeys("希望抽检结果按季度公开。");
        assertNoSidewaysScrolling(phone);
        Path evaluationShot = screenshotOf(phone, "evaluation", "member-evaluation");
        phone.visible(By.cssSelector("#evaluation-form button[type=submit]")).click();
        phone.visible(By.id("notice"));
        assertThat(phone.text()).contains("您的评价已提交", "您已提交：总体评价：满意；办理态度：满意；办理结果：基本满意");

        BpmnAwareTests.assertThat(pi).hasPassed(ProcessElements.MESSAGE_MEMBER_EVALUATED).isEnded();
        assertThat(proposals.get(number).evaluation()).isEqualTo("SATISFIED");
        assertThat(List.of(progressShot, agreementShot, evaluationShot)).allSatisfy(file -> assertThat(file).isNotEmptyFile());
    }

    private MimeMessage mailTo(String recipient, String subjectPart) throws Exception {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            boolean toMember = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().contains(recipient));
            if (toMember && message.getSubject().contains(subjectPart)) {
                return message;
            }
        }
        throw new AssertionError("No mail “" + subjectPart + "” to " + recipient);
    }

    private static String linkIn(MimeMessage message) throws Exception {
        Matcher link = LINK.matcher(text(message));
        assertThat(link.find()).as("a member link in the mail").isTrue();
        return link.group(1);
    }

    /** The section scrolled to the top of the screen, as target/e2e/{name}.png. */
    private static Path screenshotOf(HeadlessChromium phone, String sectionId, String name) {
        phone.driver().executeScript("document.getElementById(arguments[0]).scrollIntoView(true);", sectionId);
        return phone.screenshot(name);
    }

    /** The mail's plain-text part, decoded. */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static void assertNoSidewaysScrolling(HeadlessChromium phone) {
        Long overflow = (Long) phone.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no sideways scrolling at 375 px").isLessThanOrEqualTo(0L);
    }
}
