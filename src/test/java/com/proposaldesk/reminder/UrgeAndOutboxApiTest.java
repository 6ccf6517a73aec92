package com.proposaldesk.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.internet.MimeMessage;

/** The office's urge (催办) and outbox endpoints, over HTTP with Basic authentication. */
class UrgeAndOutboxApiTest extends MailTestSupport {

    private static final String NUMBER = "20230101";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService tasks;

    private Task signFor;

    @BeforeEach
    void taskAndPeople() {
        user("urge-office", "王晓明", "wang@bureau.example.cn", "office");
        user("urge-clerk", "刘静", "liu@bureau.example.cn", "office");
        user("urge-handler", "李小红", "lixh@bureau.example.cn", "dept-food");
        user("urge-admin", "系统", null, "camunda-admin");
        proposal(NUMBER, "关于规范农贸市场价格公示的提案");
        signFor = tasks.createTaskQuery().processInstanceBusinessKey(NUMBER).singleResult();
        tasks.setAssignee(signFor.getId(), null);
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, PASSWORD);
    }

    @Test
    void theOfficeUrgesTheAssigneeAndEveryUrgeIsANewMail() throws Exception {
        tasks.setAssignee(signFor.getId(), "urge-clerk");

        ResponseEntity<JsonNode> first = as("urge-office").postForEntity("/api/tasks/{id}/urge",
                Map.of("note", "市政协催问，请今天内签收。"), JsonNode.class, signFor.getId());
        ResponseEntity<JsonNode> second = as("urge-office").postForEntity("/api/tasks/{id}/urge", null, JsonNode.class,
                signFor.getId());

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().get("message").asText()).isEqualTo("已向 1 人发送催办邮件");
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<MimeMessage> mails = mailsTo("liu@bureau.example.cn");
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(0).getSubject()).isEqualTo("【提案办理催办】请抓紧办理第20230101号提案“签收”");
        assertThat(body(mails.get(0), "text/html")).contains("市政协催问，请今天内签收。", "提案办（王晓明）催办",
                settings.taskUrl(signFor.getId()));
        assertThat(outboxRows()).hasSize(2).allSatisfy(row -> {
            assertThat(row.kind()).isEqualTo("URGE");
            assertThat(row.requestedBy()).isEqualTo("urge-office");
        });
    }

    @Test
    void anUnclaimedTaskIsUrgedToItsCandidateGroup() {
        ResponseEntity<JsonNode> response = as("urge-office").postForEntity("/api/tasks/{id}/urge", null, JsonNode.class,
                signFor.getId());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(mailsTo("wang@bureau.example.cn")).hasSize(1);
        assertThat(mailsTo("liu@bureau.example.cn")).hasSize(1);
    }

    @Test
    void onlyTheOfficeMayUrge() {
        ResponseEntity<JsonNode> response = as("urge-handler").postForEntity("/api/tasks/{id}/urge", null, JsonNode.class,
                signFor.getId());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody().get("message").asText()).isEqualTo("只有提案办可以催办");
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(outboxRows()).isEmpty();
    }

    @Test
    void urgingAnUnknownTaskIsNotFound() {
        ResponseEntity<JsonNode> response = as("urge-office").postForEntity("/api/tasks/{id}/urge", null, JsonNode.class,
                "no-such-task");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().get("message").asText()).contains("不存在");
    }

    @Test
    void theOfficeSeesTheOutboxNewestFirstAndOthersDoNot() {
        as("urge-office").postForEntity("/api/tasks/{id}/urge", Map.of("note", "第一次"), JsonNode.class, signFor.getId());
        tasks.setAssignee(signFor.getId(), "urge-clerk");
        as("urge-office").postForEntity("/api/tasks/{id}/urge", Map.of("note", "第二次"), JsonNode.class, signFor.getId());

        ResponseEntity<JsonNode> all = as("urge-office").getForEntity("/api/mails?proposal={n}&kind=URGE&status=SENT",
                JsonNode.class, NUMBER);
        assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(all.getBody()).hasSize(3);
        assertThat(all.getBody().get(0).get("recipient").asText()).isEqualTo("liu@bureau.example.cn");
        assertThat(all.getBody().get(0).get("recipientName").asText()).as("named as Tasklist names people").startsWith("刘静");
        assertThat(all.getBody().get(0).get("requestedBy").asText()).isEqualTo("urge-office");
        assertThat(all.getBody().get(0).get("requestedByName").asText()).startsWith("王晓明");
        assertThat(all.getBody().get(0).get("taskName").asText()).isEqualTo("签收");
        assertThat(all.getBody().get(0).get("sentAt").asText()).as("the bureau's time, saying its zone").endsWith("+08:00");
        assertThat(all.getBody().get(0).get("createdAt").asText()).endsWith("+08:00");

        assertThat(as("urge-office").getForEntity("/api/mails?status=FAILED", JsonNode.class).getBody()).isEmpty();
        assertThat(as("urge-office").getForEntity("/api/mails?kind=LETTER", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("urge-handler").getForEntity("/api/mails", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theOfficeReadsEachMailsSubjectAndBody() {
        tasks.setAssignee(signFor.getId(), "urge-clerk");
        as("urge-office").postForEntity("/api/tasks/{id}/urge", Map.of("note", "<b>请今天内签收</b>"), JsonNode.class,
                signFor.getId());

        JsonNode mail = as("urge-office").getForEntity("/api/mails?proposal={n}", JsonNode.class, NUMBER).getBody().get(0);
        assertThat(mail.get("subject").asText()).isEqualTo("【提案办理催办】请抓紧办理第20230101号提案“签收”");
        assertThat(mail.get("body").asText()).contains("刘静，您好", "催办说明：<b>请今天内签收</b>", settings.taskUrl(signFor.getId()));
    }

    @Test
    void aRefusedRecipientIsReportedInChineseAndTheServersWordsOnlyToAdministrators() throws Exception {
        serverRefusing("liu@bureau.example.cn");

        ResponseEntity<JsonNode> urge = as("urge-office").postForEntity("/api/tasks/{id}/urge", null, JsonNode.class,
                signFor.getId());

        assertThat(urge.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(urge.getBody().get("message").asText()).matches(
                "邮件发送失败（收件人 liu@bureau\\.example\\.cn）：邮件服务器拒收收件人地址，请核对该用户的邮箱（错误编号 [0-9a-f]{8}）");
        JsonNode sent = as("urge-office").getForEntity("/api/mails?status=SENT", JsonNode.class).getBody();
        assertThat(sent).extracting(mail -> mail.get("recipient").asText()).contains("wang@bureau.example.cn");

        JsonNode forOffice = as("urge-office").getForEntity("/api/mails?status=FAILED", JsonNode.class).getBody();
        assertThat(forOffice).singleElement().satisfies(mail -> {
            assertThat(mail.get("recipient").asText()).isEqualTo("liu@bureau.example.cn");
            assertThat(mail.get("reason").asText()).startsWith("邮件服务器拒收收件人地址，请核对该用户的邮箱（错误编号 ");
            assertThat(mail.has("error")).isFalse();
        });
        JsonNode forAdministrator = as("urge-admin").getForEntity("/api/mails?status=FAILED", JsonNode.class).getBody();
        assertThat(forAdministrator).singleElement().satisfies(mail ->
                assertThat(mail.get("error").asText()).contains("550 5.1.1 <liu@bureau.example.cn>"));
    }

    @Test
    void theOutboxPageIsServed() {
        ResponseEntity<String> page = rest.getForEntity("/mails.html", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("邮件记录", "/api/mails", "mail.body", "mail.reason");
        // what users wrote and what the mail server said go into the page as text, never as markup
        assertThat(page.getBody()).doesNotContain("innerHTML", "insertAdjacentHTML");
    }
}
