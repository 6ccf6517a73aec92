package com.proposaldesk.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

import com.proposaldesk.member.Member;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRole;
import com.proposaldesk.proposal.ProposalSource;
import com.proposaldesk.proposal.ProposalStatus;

class DocxFillerTest {

    @Test
    void placeholdersSplitOverRunsAreReplacedInParagraphsAndTableCells() throws IOException {
        byte[] template;
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = document.createParagraph();
            // the way Word saves a placeholder that was typed in pieces or spell-checked
            for (String piece : List.of("标题：$", "{ti", "tle", "}！")) {
                title.createRun().setText(piece);
            }
            document.createParagraph().createRun().setText("${body}");
            document.createParagraph().createRun().setText("${empty}");
            document.createParagraph().createRun().setText("结尾");
            XWPFTable table = document.createTable(1, 2);
            table.getRow(0).getCell(0).setText("抄送");
            XWPFParagraph cell = table.getRow(0).getCell(1).getParagraphs().get(0);
            cell.createRun().setText("${copied");
            cell.createRun().setText("To}");
            document.write(out);
            template = out.toByteArray();
        }

        byte[] filled = DocxFiller.fill(template,
                Map.of("title", "关于第1号提案的答复", "body", "第一行\n第二行\n第三行", "empty", "", "copiedTo", "市政协提案委"));

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(filled))) {
            assertThat(document.getParagraphs()).extracting(XWPFParagraph::getText)
                    .containsExactly("标题：关于第1号提案的答复！", "第一行", "第二行", "第三行", "结尾");
            assertThat(document.getTables().get(0).getRow(0).getCell(1).getText()).isEqualTo("市政协提案委");
            assertThat(new XWPFWordExtractor(document).getText()).doesNotContain("${");
        }
    }

    @Test
    void theShippedTemplatesHaveEveryPlaceholderFilled() throws IOException {
        LetterTemplates templates = new LetterTemplates(LetterProperties.withFolder(null));
        Map<String, String> values = LetterPdfTest.values("正文");
        for (String name : List.of(LetterTemplates.REPLY_LETTER, LetterTemplates.OPINION_LETTER)) {
            try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(DocxFiller.fill(templates.load(name), values)))) {
                assertThat(new XWPFWordExtractor(document).getText()).as(name).doesNotContain("${").contains("X市市场监督管理局",
                        "X市监函〔2026〕7号", "签发人：吴国华", "陈建华委员：", "正文", "2026年6月3日",
                        "（联系人：李经办，联系电话：022-23456789）", "抄送：市政协提案委");
            }
        }
    }

    @Test
    void markupInUserTextIsPlainTextInTheLetter() throws IOException {
        String hostile = "<a href=\"https://evil.example/login\">点此核对</a><img src=\"https://evil.example/x.png\">"
                + "[官方通知](https://evil.example/phish)<w:hyperlink r:id=\"rId99\"><w:r><w:t>链接</w:t></w:r></w:hyperlink>";
        LetterTemplates templates = new LetterTemplates(LetterProperties.withFolder(null));
        Map<String, String> values = Map.of("title", "关于" + hostile + "的答复", "addressee", "A：", "classification", "A类",
                "body", "第一段" + hostile + "\n第二段", "commitments", "", "signer", "S", "date", "D", "contact", "C",
                "copiedTo", "CC", "publish", "公开");

        byte[] filled = DocxFiller.fill(templates.load(LetterTemplates.REPLY_LETTER), values);

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(filled))) {
            assertThat(new XWPFWordExtractor(document).getText()).contains("关于" + hostile + "的答复", "第一段" + hostile);
            assertThat(document.getParagraphs()).allSatisfy(paragraph -> assertThat(paragraph.getCTP().getHyperlinkList()).isEmpty());
            assertThat(document.getAllPictures()).isEmpty();
        }
    }

    @Test
    void aSalutationTypedAtTheStartOfTheBodyBecomesTheAddresseeOnce() {
        assertThat(LetterWording.opening("陈建华委员：", "陈建华", "尊敬的陈建华委员：您好！您提出的提案收悉。\n一、……"))
                .isEqualTo(new LetterWording.Opening("尊敬的陈建华委员：", "您好！您提出的提案收悉。\n一、……"));
        assertThat(LetterWording.opening("陈建华委员：", "陈建华", "陈建华委员:\n您提出的提案收悉。"))
                .isEqualTo(new LetterWording.Opening("陈建华委员：", "您提出的提案收悉。"));
        assertThat(LetterWording.opening("陈建华代表：", "陈建华", "  陈建华代表，您提出的建议收悉。"))
                .isEqualTo(new LetterWording.Opening("陈建华代表：", "您提出的建议收悉。"));
        assertThat(LetterWording.opening("市交通运输委员会：", "市交通运输委员会", "市交通运输委员会：我局意见如下。"))
                .isEqualTo(new LetterWording.Opening("市交通运输委员会：", "我局意见如下。"));
        assertThat(LetterWording.opening("陈建华委员：", "陈建华", "您提出的关于陈建华委员：所述问题"))
                .as("a name later in the body is not a salutation")
                .isEqualTo(new LetterWording.Opening("陈建华委员：", "您提出的关于陈建华委员：所述问题"));
    }

    @Test
    void theDocumentNumberFollowsTheConfiguredPattern() {
        assertThat(LetterProperties.withFolder(null).documentNumber(2026, 12)).isEqualTo("X市监函〔2026〕12号");
        assertThat(new LetterProperties(null, "Y市农业农村局", "Y农函〔{year}〕第{n}号", null, null, null).documentNumber(2027, 3))
                .isEqualTo("Y农函〔2027〕第3号");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LetterProperties(null, null, "Y农函〔{year}〕号", null, null, null))
                .hasMessageContaining("必须含有 {n}");
    }

    @Test
    void titlesFollowTheSessionAndSource() {
        assertThat(LetterWording.replyTitle(proposal(ProposalSource.CPPCC, "市政协七届三次会议")))
                .isEqualTo("关于市政协七届三次会议第20230188号提案的答复");
        assertThat(LetterWording.replyTitle(proposal(ProposalSource.NPC, "市七届人大三次会议")))
                .isEqualTo("关于市七届人大三次会议第20230188号建议的答复");
        assertThat(LetterWording.memberAddressee(proposal(ProposalSource.NPC, "市七届人大三次会议"))).isEqualTo("陈建华代表：");
        assertThat(LetterWording.opinionTitle(proposal(ProposalSource.CPPCC, "市政协七届三次会议")))
                .isEqualTo("关于第20230188号提案的会办意见");
        assertThat(LetterWording.date(LocalDate.of(2023, 7, 5))).isEqualTo("2023年7月5日");
    }

    private static Proposal proposal(ProposalSource source, String session) {
        Member member = new Member(1L, "陈建华", null, null, null, null);
        return new Proposal(1, "20230188", source, session, "标题", member, List.of(), List.of(), ProposalRole.SOLE, false,
                LocalDate.of(2023, 3, 1), null, List.of(), ProposalStatus.HANDLING, "food", List.of(), null, null, null, null,
                null, null, null, null, null, null, null, null);
    }
}
