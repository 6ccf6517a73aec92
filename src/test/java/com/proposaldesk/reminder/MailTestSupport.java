package com.proposaldesk.reminder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.registration.RegistrationRequest;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * One application context for every mail test, sending to a real SMTP server (GreenMail) on a free port that is
 * started afresh, empty, for each test. Tests stop and start it to play an SMTP outage. Mail tests of other packages
 * extend it too, so that they share this context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class MailTestSupport {

    protected static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();
    protected static final String PASSWORD = "secret";

    @RegisterExtension
    protected static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    private RefusingMailServer refusing;

    @Autowired
    protected ProcessEngine engine;
    @Autowired
    protected IdentityService identity;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected ProposalRegistrationService registration;
    @Autowired
    protected ProposalRepository proposals;
    @Autowired
    protected MailSettings settings;

    @BeforeEach
    protected void emptyOutbox() {
        // the REST authentication finds its engine in a JVM-wide registry, where the context started last wins
        ProcessEngines.registerProcessEngine(engine);
        jdbc.sql("DELETE FROM pd_mail").update();
    }

    /**
     * For the rest of the test, a mail server on the same port that refuses the given recipients ({@code 550 5.1.1})
     * and accepts the others, in place of {@link #smtp}.
     */
    protected RefusingMailServer serverRefusing(String... addresses) {
        smtp.stop();
        refusing = new RefusingMailServer(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).refuse(addresses);
        refusing.start();
        return refusing;
    }

    @AfterEach
    protected void usualServer() {
        if (refusing != null) {
            refusing.stop();
            refusing = null;
            smtp.start();
        }
    }

    /** A user (created once per context) with the given e-mail address, or none when {@code email} is null. */
    protected void user(String id, String name, String email, String... groups) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return;
        }
        User user = identity.newUser(id);
        user.setFirstName(name);
        user.setLastName("测试");
        user.setEmail(email);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        for (String group : groups) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                identity.saveGroup(identity.newGroup(group));
            }
            identity.createMembership(id, group);
        }
    }

    /** Registers a proposal (once per context); its process starts at 签收 for the office. */
    protected void proposal(String number, String title) {
        if (proposals.exists(number)) {
            return;
        }
        registration.register(new RegistrationRequest(number, "CPPCC", "市政协七届三次会议", title,
                new RegistrationRequest.LeadMember("张三", "教育界", null, null, null), List.of(),
                List.of("加强日常检查"), "SOLE", false, "2023-04-03", null, List.of()));
    }

    protected List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipients(m).contains(address)).toList();
    }

    protected static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress()).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of the first part of the given type (text/html or text/plain), wherever it sits in the multipart tree. */
    protected static String body(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType)) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String text = body(child, mimeType);
                    if (text != null) {
                        return text;
                    }
                }
            }
            return null;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected record Row(String kind, String status, String recipient, String reason, String error, int attempts,
            String requestedBy) {
    }

    protected List<Row> outboxRows() {
        return jdbc.sql("SELECT kind, status, recipient, reason, error, attempts, requested_by FROM pd_mail ORDER BY id")
                .query(Row.class).list();
    }
}
