package com.proposaldesk.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jakarta.mail.internet.MimeMessage;

class ReminderMailerTest extends MailTestSupport {

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
                .hasMessage("邮件发送失败（收件人 li@bureau.example.cn）：无法连接邮件服务器");
        assertThat(outboxRows()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("FAILED");
            assertThat(row.error()).startsWith("无法连接邮件服务器（");
        });

        smtp.start();
        mailer.send(signForDueIn5Days("task-down", List.of("mail-li")));
        mailer.send(signForDueIn5Days("task-down", List.of("mail-li")));

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(outboxRows()).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo("SENT");
            assertThat(row.error()).isNull();
            assertThat(row.attempts()).isEqualTo(2);
        });
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
