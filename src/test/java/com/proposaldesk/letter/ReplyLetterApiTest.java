package com.proposaldesk.letter;

import static com.proposaldesk.process.ProcessElements.TASK_ASSIGN;
import static com.proposaldesk.process.ProcessElements.TASK_ASSISTING_OPINION;
import static com.proposaldesk.process.ProcessElements.TASK_DRAFT_OPINION_LETTER;
import static com.proposaldesk.process.ProcessElements.TASK_DRAFT_REPLY;
import static com.proposaldesk.process.ProcessElements.TASK_FORMAL_REPLY;
import static com.proposaldesk.process.ProcessElements.TASK_RECORD_OBJECTION_OUTCOME;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_DEPT_HEAD;
import static com.proposaldesk.process.ProcessElements.TASK_REVIEW_OFFICE;
import static com.proposaldesk.process.ProcessElements.TASK_SEND_OPINION_LETTER;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_FOR;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_OFF_LEADER;
import static com.proposaldesk.process.ProcessElements.TASK_SIGN_OFF_PRINCIPAL;
import static com.proposaldesk.support.ProposalSteps.HANDLER;
import static com.proposaldesk.support.ProposalSteps.OFFICE;
import static com.proposaldesk.support.ProposalSteps.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.registration.ProposalRegistrationService;
import com.proposaldesk.registration.RegistrationRequest;
import com.proposaldesk.support.ApiUsers;
import com.proposaldesk.support.ProposalDeskSpringTest;
import com.proposaldesk.support.ProposalSteps;
import com.proposaldesk.support.TestProposals;

/** The reply letter (答复函) and opinion letter (会办意见函) downloaded as .docx and read back. */
@ProposalDeskSpringTest
class ReplyLetterApiTest {

    private static final String BODY = "陈建华委员：您提出的关于加强校园周边食品安全监管的提案收悉。\n一、建立经营者台账。\n二、开展季度联合检查。";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    ProposalRegistrationService registration;
    @Autowired
    EngineClock clock;
    @Autowired
    JdbcClient jdbc;

    private TestRestTemplate api;
    private ProposalSteps steps;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        api = ApiUsers.signedIn(rest, engine, "office-letters");
        steps = new ProposalSteps(engine, registration);
        Map.of(ProposalSteps.LEADER, "陈副局长", ProposalSteps.PRINCIPAL, "刘局长").forEach((userId, name) -> {
            if (identity.createUserQuery().userId(userId).count() == 0) {
                User user = identity.newUser(userId);
                user.setFirstName(name);
                identity.saveUser(user);
            }
        });
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        BpmnAwareTests.reset();
    }

    @Test
    void aKeyProposalsLetterIsNumberedSignedByThePrincipalLeaderAndKeptAsSigned() throws IOException {
        String number = TestProposals.newNumber("LETTER");
        ProcessInstance pi = steps.register(request(number, ProposalRole.SOLE, true));
        steps.toDraftReply(pi);
        Map<String, Object> draft = ProposalSteps.draftReplyForm("B");
        draft.put("replyBody", BODY);
        steps.complete(HANDLER, pi, TASK_DRAFT_REPLY, draft);

        ResponseEntity<byte[]> none = download(number);
        assertThat(none.getStatusCode().value()).isEqualTo(404);
        assertThat(message(none)).isEqualTo("第" + number + "号提案尚无审核通过的答复，审核签发后才能生成答复函");

        for (String step : List.of(TASK_REVIEW_DEPT_HEAD, TASK_REVIEW_OFFICE, TASK_SIGN_OFF_LEADER)) {
            steps.approve(pi, step);
        }
        assertThat(download(number).getStatusCode().value()).as("the principal leader has not signed yet").isEqualTo(404);
        steps.approve(pi, TASK_SIGN_OFF_PRINCIPAL);

        String documentNumber = proposal(number).path("documentNumber").asText();
        assertThat(documentNumber).matches("X市监函〔" + clock.today().getYear() + "〕[1-9][0-9]*号");
        assertThat(api.getForObject("/api/proposals", JsonNode.class)).anySatisfy(listed -> {
            assertThat(listed.path("number").asText()).isEqualTo(number);
            assertThat(listed.path("documentNumber").asText()).isEqualTo(documentNumber);
        });
        String signedOn = LetterWording.date(clock.today());
        List<String> expected = List.of("X市市场监督管理局", documentNumber, "签发人：刘局长", "B类", "主动公开",
                "关于市政协七届三次会议第" + number + "号提案的答复", "陈建华委员：", "您提出的关于加强校园周边食品安全监管的提案收悉。",
                "承诺事项：2025 年底前完成全市校园周边抽检结果公开平台建设", signedOn, "联系人：李经办，联系电话：022-23456789",
                "抄送：市政协提案委");

        ResponseEntity<byte[]> approved = download(number);
        assertThat(approved.getStatusCode().value()).isEqualTo(200);
        assertThat(approved.getHeaders().getContentType().toString()).contains("wordprocessingml");
        assertThat(approved.getHeaders().getContentDisposition().getFilename()).isEqualTo("第" + number + "号提案答复函.docx");
        assertThat(approved.getHeaders().getFirst("Content-Disposition")).contains("filename*=UTF-8''");
        try (XWPFDocument document = read(approved)) {
            String text = new XWPFWordExtractor(document).getText();
            assertThat(text).contains(expected).doesNotContain("${", "陈副局长", "分管");
            assertThat(text.split("陈建华委员", -1)).as("the salutation typed in the body is the addressee, once").hasSize(2);
            List<String> paragraphs = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).containsSubsequence("陈建华委员：", "您提出的关于加强校园周边食品安全监管的提案收悉。", "一、建立经营者台账。",
                    "二、开展季度联合检查。", "X市市场监督管理局", signedOn);
        }

        ResponseEntity<byte[]> pdf = api.getForEntity("/api/proposals/" + number + "/reply-letter.pdf", byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(pdf.getHeaders().getContentDisposition().getFilename()).isEqualTo("第" + number + "号提案答复函.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\R", "");
            assertThat(text).contains(expected).doesNotContain("${", "陈副局长", "分管");
            assertThat(text.split("陈建华委员", -1)).hasSize(2);
        }

        steps.communicateBeforeReply(pi, true);
        Map<String, Object> formal = ProposalSteps.formalReplyForm("2025-06-20");
        formal.put("copiedTo", "市政协提案委、市教育局");
        steps.complete(OFFICE, pi, TASK_FORMAL_REPLY, formal);
        assertThat(download(number).getBody()).as("the letter as signed, not printed again").isEqualTo(approved.getBody());
        assertThat(api.getForEntity("/api/proposals/" + number + "/reply-letter.pdf", byte[].class).getBody())
                .isEqualTo(pdf.getBody());
        assertThat(proposal(number).path("documentNumber").asText()).isEqualTo(documentNumber);
    }

    @Test
    void aSignedLetterWhoseFilesWereNotMadeAfterTheSignatureGetsThemAtItsFirstDownloadAsSigned() throws IOException {
        String number = signedByTheLeaderInCharge(ProposalRole.SOLE);
        assertThat(files(number)).as("made once the signature committed").containsExactly(true);
        String documentNumber = proposal(number).path("documentNumber").asText();
        // the node stopped between the signature's commit and the files
        jdbc.sql("""
                UPDATE pd_reply_letter SET docx_name = NULL, docx = NULL, pdf_name = NULL, pdf = NULL
                WHERE proposal_id = (SELECT id FROM pd_proposal WHERE number = ?)""").param(number).update();
        assertThat(files(number)).containsExactly(false);

        ResponseEntity<byte[]> pdf = api.getForEntity("/api/proposals/" + number + "/reply-letter.pdf", byte[].class);

        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\R", "")).contains(documentNumber, "签发人：陈副局长");
        }
        assertThat(files(number)).as("stored, and served as stored from now on").containsExactly(true);
        assertThat(api.getForEntity("/api/proposals/" + number + "/reply-letter.pdf", byte[].class).getBody())
                .isEqualTo(pdf.getBody());
        try (XWPFDocument document = read(download(number))) {
            assertThat(new XWPFWordExtractor(document).getText()).contains(documentNumber, "签发人：陈副局长");
        }
    }

    /** An ordinary proposal whose class A draft the reviewers approved and the leader in charge signed. */
    private String signedByTheLeaderInCharge(ProposalRole role) {
        String number = TestProposals.newNumber("LETTER");
        ProcessInstance pi = steps.register(request(number, role, false));
        steps.toDraftReply(pi);
        steps.draftReply(pi, "A");
        for (String step : List.of(TASK_REVIEW_DEPT_HEAD, TASK_REVIEW_OFFICE, TASK_SIGN_OFF_LEADER)) {
            steps.approve(pi, step);
        }
        return number;
    }

    private List<Boolean> files(String number) {
        return jdbc.sql("""
                SELECT docx IS NOT NULL AND pdf IS NOT NULL FROM pd_reply_letter
                WHERE proposal_id = (SELECT id FROM pd_proposal WHERE number = ?)""").param(number).query(Boolean.class).list();
    }

    @Test
    void anOrdinaryProposalsLetterIsSignedByTheLeaderInCharge() throws IOException {
        String number = signedByTheLeaderInCharge(ProposalRole.LEAD);
        try (XWPFDocument document = read(download(number))) {
            String text = new XWPFWordExtractor(document).getText();
            assertThat(text).contains("A类", "签发人：陈副局长", "经研究，我局已建立校园周边食品经营者台账", "陈建华委员：",
                    "抄送：市政协提案委").doesNotContain("承诺事项", "${");
        }
    }

    @Test
    void theLetterCarriesTheTextAsTheReviewersCorrectedAndSignedIt() throws IOException {
        String number = TestProposals.newNumber("LETTER");
        ProcessInstance pi = steps.register(request(number, ProposalRole.SOLE, false));
        steps.toDraftReply(pi);
        Map<String, Object> draft = ProposalSteps.draftReplyForm("A");
        draft.put("replyBody", BODY);
        steps.complete(HANDLER, pi, TASK_DRAFT_REPLY, draft);
        steps.approveWithEdits(pi, TASK_REVIEW_DEPT_HEAD, BODY.replace("季度", "每月"));
        steps.approve(pi, TASK_REVIEW_OFFICE);
        String signed = BODY.replace("季度", "每月") + "\n三、年底前公开检查结果。";
        steps.approveWithEdits(pi, TASK_SIGN_OFF_LEADER, signed);

        try (XWPFDocument document = read(download(number))) {
            List<String> paragraphs = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).containsSubsequence("一、建立经营者台账。", "二、开展每月联合检查。", "三、年底前公开检查结果。")
                    .doesNotContain("二、开展季度联合检查。");
            assertThat(new XWPFWordExtractor(document).getText()).contains("签发人：陈副局长");
        }
    }

    @Test
    void aCoHandlingProposalGetsAnOpinionLetterToTheLeadBureau() throws IOException {
        String number = TestProposals.newNumber("OPINION");
        ProcessInstance pi = steps.register(request(number, ProposalRole.CO_HANDLING, false));
        steps.complete(OFFICE, pi, TASK_SIGN_FOR, form("signedOn", "2025-04-11"));
        steps.complete(OFFICE, pi, TASK_ASSIGN, ProposalSteps.assignForm("food", List.of("agriculture")));
        steps.complete("agriculture-zhou", pi, TASK_ASSISTING_OPINION, form("opinionText", "涉农企业食堂纳入检查范围"));
        steps.complete(HANDLER, pi, TASK_DRAFT_OPINION_LETTER,
                form("letterBody", "我局意见如下：\n一、加强日常监管。", "contactPerson", "李经办", "contactPhone", "022-23456789"));
        assertThat(download(number).getStatusCode().value()).isEqualTo(404);
        steps.approve(pi, TASK_REVIEW_DEPT_HEAD);
        steps.approve(pi, TASK_REVIEW_OFFICE);
        steps.complete(OFFICE, pi, TASK_SEND_OPINION_LETTER, form("sentOn", "2025-05-08"));

        ResponseEntity<byte[]> letter = download(number);
        assertThat(letter.getStatusCode().value()).isEqualTo(200);
        assertThat(letter.getHeaders().getContentDisposition().getFilename()).isEqualTo("第" + number + "号提案会办意见函.docx");
        try (XWPFDocument document = read(letter)) {
            String text = new XWPFWordExtractor(document).getText();
            assertThat(text).contains("X市市场监督管理局", proposal(number).path("documentNumber").asText(), "关于第" + number + "号提案的会办意见",
                    "市教育局：", "我局意见如下：", "一、加强日常监管。", "签发人：" + OFFICE, LetterWording.date(clock.today()),
                    "抄送：市政协提案委").doesNotContain("${", "委员：");
        }
    }

    @Test
    void aProposalTransferredToCoHandlingGetsItsOpinionLetterAddressedToTheLeadUnitTheOutcomeNamed() throws IOException {
        String number = TestProposals.newNumber("XFERLETTER");
        ProcessInstance handling = steps.register(request(number, ProposalRole.SOLE, false));
        steps.complete(OFFICE, handling, TASK_SIGN_FOR, ProposalSteps.objectionForm("本提案主要涉及交通部门职责"));
        steps.complete(OFFICE, handling, TASK_RECORD_OBJECTION_OUTCOME, form("objectionOutcome", "TRANSFERRED_TO_CO_HANDLING",
                "externalLeadUnit", "市交通运输委员会", "decidedOn", "2025-04-16"));
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
                .active().singleResult();
        steps.complete(OFFICE, pi, TASK_ASSIGN, ProposalSteps.assignForm("food", List.of("agriculture")));
        steps.complete("agriculture-zhou", pi, TASK_ASSISTING_OPINION, form("opinionText", "涉农企业食堂纳入检查范围"));
        steps.complete(HANDLER, pi, TASK_DRAFT_OPINION_LETTER,
                form("letterBody", "我局意见如下：\n一、加强日常监管。", "contactPerson", "李经办", "contactPhone", "022-23456789"));
        steps.approve(pi, TASK_REVIEW_DEPT_HEAD);
        steps.approve(pi, TASK_REVIEW_OFFICE);
        steps.complete(OFFICE, pi, TASK_SEND_OPINION_LETTER, form("sentOn", "2025-05-08"));

        ResponseEntity<byte[]> letter = download(number);
        assertThat(letter.getHeaders().getContentDisposition().getFilename()).isEqualTo("第" + number + "号提案会办意见函.docx");
        try (XWPFDocument document = read(letter)) {
            List<String> paragraphs = document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).containsSubsequence("关于第" + number + "号提案的会办意见", "市交通运输委员会：",
                    "我局意见如下：", "一、加强日常监管。");
            assertThat(paragraphs).doesNotContain("：");
            assertThat(new XWPFWordExtractor(document).getText()).doesNotContain("${", "委员：");
        }
    }

    @Test
    void anUnknownProposalIs404() {
        ResponseEntity<byte[]> missing = download("NO-SUCH-NUMBER");
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
    }

    private static RegistrationRequest request(String number, ProposalRole role, boolean key) {
        RegistrationRequest r = TestProposals.request(number, role, key, List.of());
        return new RegistrationRequest(r.number(), r.source(), r.session(), r.title(),
                new RegistrationRequest.LeadMember("陈建华", "民盟", r.leadMember().email(), r.leadMember().phone(),
                        r.leadMember().district()),
                r.coSigners(), r.suggestions(), r.role(), r.key(), r.assignedOn(), r.externalLeadUnit(), r.externalCoUnits());
    }

    private ResponseEntity<byte[]> download(String number) {
        return api.getForEntity("/api/proposals/" + number + "/reply-letter.docx", byte[].class);
    }

    private JsonNode proposal(String number) {
        return api.getForObject("/api/proposals/" + number, JsonNode.class);
    }

    private static XWPFDocument read(ResponseEntity<byte[]> response) throws IOException {
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return new XWPFDocument(new ByteArrayInputStream(response.getBody()));
    }

    private static String message(ResponseEntity<byte[]> response) {
        try {
            JsonNode body = new ObjectMapper().readTree(new String(response.getBody(), StandardCharsets.UTF_8));
            return body.path("message").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
