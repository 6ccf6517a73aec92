package com.proposaldesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.registration.RegistrationRequest;
import com.proposaldesk.reminder.MailTestSupport;

import jakarta.mail.internet.MimeMessage;

/**
 * Text that looks like a template expression, markup or SQL reaches the mails as text: the mail templates print it,
 * escaped in HTML, and never evaluate it.
 */
class HostileTextInMailsTest extends MailTestSupport {

    private static final String NUMBER = "20239901";
    private static final String TEMPLATE_EXPRESSION = "[[${T(java.lang.Runtime).getRuntime().exec('id')}]]";
    private static final String TITLE = "关于" + HostileInputTest.EXPRESSION + "<script>alert('x')</script>"
            + TEMPLATE_EXPRESSION + HostileInputTest.SQL + "的提案";
    private static final String NOTE = "[(${#ctx})]" + HostileInputTest.DEFERRED + "<b>加急</b>";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService tasks;

    @Test
    void anUrgeMailShowsHostileTitleAndNoteVerbatim() throws Exception {
        user("hostile-mail-office", "王晓明", "hostile-office@bureau.example.cn", "office");
        user("hostile-mail-handler", "李小红", "hostile-handler@bureau.example.cn", "dept-food");
        if (!proposals.exists(NUMBER)) {
            registration.register(new RegistrationRequest(NUMBER, "CPPCC", "市政协七届三次会议", TITLE,
                    new RegistrationRequest.LeadMember("张三", "教育界", null, null, null), List.of(), List.of("加强日常检查"),
                    "SOLE", false, "2023-04-03", null, List.of()));
        }
        Task signFor = tasks.createTaskQuery().processInstanceBusinessKey(NUMBER).singleResult();
        tasks.setAssignee(signFor.getId(), "hostile-mail-handler");

        ResponseEntity<JsonNode> urged = rest.withBasicAuth("hostile-mail-office", PASSWORD)
                .postForEntity("/api/tasks/{id}/urge", Map.of("note", NOTE), JsonNode.class, signFor.getId());
        assertThat(urged.getStatusCode().value()).isEqualTo(200);

        List<MimeMessage> mails = mailsTo("hostile-handler@bureau.example.cn");
        assertThat(mails).hasSize(1);
        String text = body(mails.get(0), "text/plain");
        assertThat(text).contains("提案标题：" + TITLE, "催办说明：" + NOTE);
        String html = body(mails.get(0), "text/html");
        assertThat(html).doesNotContain("<script>", "<b>加急</b>").contains("&lt;script&gt;");
        assertThat(HtmlUtils.htmlUnescape(html)).contains(TITLE, NOTE);
    }

    @Test
    void aTitleWithALinkAnImageOrAMarkdownLinkIsTextInTheMail() throws Exception {
        String number = "20239902";
        String title = "关于" + HostileMarkupInFormsTest.HOSTILE + "的提案";
        user("markup-mail-office", "王晓明", "markup-office@bureau.example.cn", "office");
        user("markup-mail-handler", "李小红", "markup-handler@bureau.example.cn", "dept-food");
        if (!proposals.exists(number)) {
            registration.register(new RegistrationRequest(number, "CPPCC", "市政协七届三次会议", title,
                    new RegistrationRequest.LeadMember("张三", "教育界", null, null, null), List.of(), List.of("加强日常检查"),
                    "SOLE", false, "2023-04-03", null, List.of()));
        }
        Task signFor = tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
        tasks.setAssignee(signFor.getId(), "markup-mail-handler");

        ResponseEntity<JsonNode> urged = rest.withBasicAuth("markup-mail-office", PASSWORD)
                .postForEntity("/api/tasks/{id}/urge", Map.of("note", HostileMarkupInFormsTest.MARKDOWN_LINK), JsonNode.class,
                        signFor.getId());
        assertThat(urged.getStatusCode().value()).isEqualTo(200);

        List<MimeMessage> mails = mailsTo("markup-handler@bureau.example.cn");
        assertThat(mails).hasSize(1);
        String html = body(mails.get(0), "text/html");
        assertThat(html).doesNotContain("href=\"https://evil.example", "<img", "<script");
        assertThat(HtmlUtils.htmlUnescape(html)).contains(title, HostileMarkupInFormsTest.MARKDOWN_LINK);
        assertThat(body(mails.get(0), "text/plain")).contains("提案标题：" + title);
    }
}
