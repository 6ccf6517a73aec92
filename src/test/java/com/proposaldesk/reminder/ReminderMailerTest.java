package com.proposaldesk.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import jakarta.mail.internet.MimeMessage;

@ExtendWith(OutputCaptureExtension.class)
class ReminderMailerTest extends MailTestSupport {

    private static final Pattern REFERENCE = Pattern.compile("错误编号 ([0-9a-f]{8})");

    private static final String NUMBER = "20230505";
    private static final String TITLE = "关于加强校园周边食品安全监管的提案";
    private static final LocalDate DUE = LocalDate.of(2023, 4, 10);

    @Autowired
    ReminderMailer mailer;

    @BeforeEach
    void people() {
        proposal(NUMBER, TITLE);
        user("mail-li", "李小红", "li@bureau.example.cn", "mail-food");
        user("mail-zhao", "赵思远", "Zhao@Bureau.example.cn", "mail-food");
        user("mail-nomail", "孙志强", null, "mail-food");
        user("mail-gone", "周立新", "gone@bureau.example.cn");
    }

    private Reminder signForDueIn5Days(String taskId, List<String> recipients) {
        return new Reminder(MailKind.REMINDER_BEFORE, NUMBER, taskId, "签收", DUE, 5, "2023-04-10/5", recipients);
    }

    @Test
    void aReminderToAGroupReachesEveryMemberWithAnAddressInChinese() throws Exception {
        List<ReminderMailer.Delivery> deliveries = mailer.send(signForDueIn5Days("task-group", List.of("mail-food")));

        assertThat(deliveries).extracting(ReminderMailer.Delivery::email)
                .containsExactly("li@bureau.example.cn", "zhao@bureau.example.cn");
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        for (String address : List.of("li@bureau.example.cn", "zhao@bureau.example.cn")) {
            MimeMessage mail = mailsTo(address).get(0);
            assertThat(mail.getSubject()).isEqualTo("【提案办理提醒】第20230505号提案“签收”将于2023-04-10到期");
            assertThat(mail.getFrom()[0].toString()).contains("noreply@bureau.example.cn");
            for (String body : List.of(body(mail, "text/html"), body(mail, "text/plain"))) {
                assertThat(body).contains("20230505", TITLE, "签收", "2023-04-10", "剩余 5 个工作日",
                        settings.tasklistUrl() + "#/?task=task-group");
            }
        }
        assertThat(body(mailsTo("li@bureau.example.cn").get(0), "text/html")).contains("李小红，您好");
        assertThat(outboxRows()).extracting(Row::status).containsOnly("SENT");
    }

    @Test
    void eachMailIsRecordedWithItsOutcomeAndCarriesAMessageIdMadeFromItsKey() throws Exception {
        mailer.send(signForDueIn5Days("task-id", List.of("mail-food")));

        assertThat(jdbc.sql("SELECT status, attempts, sent_at IS NOT NULL AS sent FROM pd_mail").query().listOfRows())
                .hasSize(2).allSatisfy(row -> {
                    assertThat(row.get("status")).isEqualTo("SENT");
                    assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
                    assertThat(row.get("sent")).isEqualTo(true);
                });
        MimeMessage li = mailsTo("li@bureau.example.cn").get(0);
        assertThat(li.getMessageID()).matches("<pd-mail\\.[0-9a-f]{32}@bureau\\.example\\.cn>")
                .isEqualTo(ReminderMailer.messageId("REMINDER_BEFORE", "task-id", "2023-04-10/5", "li@bureau.example.cn",
                        "bureau.example.cn"))
                .isNotEqualTo(mailsTo("zhao@bureau.example.cn").get(0).getMessageID());
        assertThat(ReminderMailer.messageId("REMINDER_BEFORE", "task-id", "2023-04-10/1", "li@bureau.example.cn",
                "bureau.example.cn")).as("another occurrence").isNotEqualTo(li.getMessageID());
    }

    @Test
    void aUserWithoutAnAddressIsSkipped() {
        assertThat(mailer.send(signForDueIn5Days("task-nomail", List.of("mail-nomail")))).isEmpty();

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(outboxRows()).isEmpty();
    }

    @Test
    void theSameReminderTwiceIsMailedOnce() {
        mailer.send(signForDueIn5Days("task-twice", List.of("mail-li")));
        List<ReminderMailer.Delivery> again = mailer.send(signForDueIn5Days("task-twice", List.of("mail-li", "mail-food")));

        assertThat(again).filteredOn(ReminderMailer.Delivery::sentNow).extracting(ReminderMailer.Delivery::email)
                .containsExactly("zhao@bureau.example.cn");
        assertThat(mailsTo("li@bureau.example.cn")).hasSize(1);
        assertThat(outboxRows()).hasSize(2).extracting(Row::status).containsOnly("SENT");
    }

    @Test
    void aFailedSendIsRecordedAndTheRetrySendsOnceAndMarksTheSameRowSent() {
        smtp.stop();

        assertThatThrownBy(() -> mailer.send(signForDueIn5Days("task-down", List.of("mail-li"))))
                .isInstanceOf(ReminderNotSentException.class)
                .hasMessageMatching("邮件发送失败（收件人 li@bureau\\.example\\.cn）：无法连接邮件服务器（错误编号 [0-9a-f]{8}）");
        assertThat(outboxRows()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("FAILED");
            assertThat(row.reason()).matches("无法连接邮件服务器（错误编号 [0-9a-f]{8}）");
            assertThat(row.error()).startsWith("无法连接邮件服务器（");
        });

        smtp.start();
        mailer.send(signForDueIn5Days("task-down", List.of("mail-li")));
        mailer.send(signForDueIn5Days("task-down", List.of("mail-li")));

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(outboxRows()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("SENT");
            assertThat(row.reason()).isNull();
            assertThat(row.error()).isNull();
            assertThat(row.attempts()).isEqualTo(2);
        });
    }

    @Test
    void aRefusedRecipientDoesNotKeepTheOthersFromTheirMailsAndOnlyTheirMailIsRetried() {
        RefusingMailServer server = serverRefusing("gone@bureau.example.cn");
        Reminder reminder = signForDueIn5Days("task-refused", List.of("mail-li", "mail-gone", "mail-zhao"));

        assertThatThrownBy(() -> mailer.send(reminder)).isInstanceOf(ReminderNotSentException.class)
                .hasMessageMatching("邮件发送失败（收件人 gone@bureau\\.example\\.cn）：邮件服务器拒收收件人地址，请核对该用户的邮箱"
                        + "（错误编号 [0-9a-f]{8}）");

        assertThat(Arrays.stream(server.getReceivedMessages()).map(MailTestSupport::recipients).toList())
                .containsExactlyInAnyOrder(List.of("li@bureau.example.cn"), List.of("zhao@bureau.example.cn"));
        assertThat(outboxRows()).extracting(Row::recipient, Row::status).containsExactly(
                tuple("li@bureau.example.cn", "SENT"), tuple("gone@bureau.example.cn", "FAILED"),
                tuple("zhao@bureau.example.cn", "SENT"));
        Row refused = outboxRows().get(1);
        assertThat(refused.reason()).startsWith("邮件服务器拒收收件人地址，请核对该用户的邮箱（错误编号 ");
        assertThat(refused.error()).contains("550 5.1.1 <gone@bureau.example.cn>: Recipient address rejected");
        assertThat(refused.attempts()).isEqualTo(1);

        // the job's retry: the two mails that went out are not sent again, the refused one is tried once more
        assertThatThrownBy(() -> mailer.send(reminder)).isInstanceOf(ReminderNotSentException.class);
        assertThat(server.getReceivedMessages()).hasSize(2);
        assertThat(outboxRows()).extracting(Row::recipient, Row::status, Row::attempts).containsExactly(
                tuple("li@bureau.example.cn", "SENT", 1), tuple("gone@bureau.example.cn", "FAILED", 2),
                tuple("zhao@bureau.example.cn", "SENT", 1));
    }

    @Test
    void anUnreachableServerFailsEveryRecipientAtOnceInOneWarningWithoutAStackTrace(CapturedOutput output) {
        smtp.stop();
        int before = output.length();

        Throwable failure = catchThrowable(() -> mailer.send(signForDueIn5Days("task-all-down",
                List.of("mail-li", "mail-gone", "mail-zhao"))));

        assertThat(failure).isInstanceOf(ReminderNotSentException.class).hasMessageStartingWith(
                "邮件发送失败（收件人 li@bureau.example.cn、gone@bureau.example.cn、zhao@bureau.example.cn）：无法连接邮件服务器");
        Matcher reference = REFERENCE.matcher(failure.getMessage());
        assertThat(reference.find()).isTrue();
        assertThat(outboxRows()).hasSize(3).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo("FAILED");
            assertThat(row.reason()).isEqualTo("无法连接邮件服务器（错误编号 " + reference.group(1) + "）");
            assertThat(row.attempts()).isEqualTo(1);
        });
        String logged = output.toString().substring(before);
        assertThat(logged.lines().filter(line -> line.contains("ReminderMailer"))).singleElement().asString()
                .contains("WARN", "not sent to 3 of 3 recipients", "error reference " + reference.group(1),
                        "li@bureau.example.cn", "Connection refused");
        assertThat(logged).doesNotContain("\tat ", "Exception:");
    }

    @Test
    void anOverdueMailSaysHowLate() throws Exception {
        mailer.send(new Reminder(MailKind.OVERDUE, NUMBER, "task-late", "签收", DUE, -3, "2023-04-10/-3",
                List.of("mail-li")));

        MimeMessage mail = mailsTo("li@bureau.example.cn").get(0);
        assertThat(mail.getSubject()).isEqualTo("【提案办理督办】第20230505号提案“签收”已逾期3个工作日");
        assertThat(body(mail, "text/html")).contains("已逾期 3 个工作日");
        assertThat(body(mail, "text/plain")).contains("已逾期 3 个工作日");
    }

    @Test
    void everyKindHasItsTemplates() {
        for (MailKind kind : MailKind.values()) {
            mailer.send(new Reminder(kind, kind == MailKind.DIGEST ? null : NUMBER, null, "签收", DUE, 0,
                    "every-kind", List.of("mail-li"), "本周共 3 件提案待办。", "mail-zhao"));
        }
        assertThat(smtp.getReceivedMessages()).hasSize(MailKind.values().length);
    }
}
