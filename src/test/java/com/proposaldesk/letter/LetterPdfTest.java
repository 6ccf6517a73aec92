package com.proposaldesk.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF laid out from the filled .docx says what the .docx says, with the Chinese font embedded. */
class LetterPdfTest {

    private final LetterTemplates templates = new LetterTemplates(LetterProperties.withFolder(null));
    private final LetterPdf pdf = new LetterPdf(new LetterFont(LetterProperties.withFolder(null)));

    @Test
    void theReplyLetterAsPdfCarriesEveryPartOfTheLetterInAnEmbeddedChineseFont() throws IOException {
        StringBuilder longBody = new StringBuilder("您提出的关于加强校园周边食品安全监管的提案收悉，现答复如下。");
        for (int i = 1; i <= 40; i++) {
            longBody.append("\n").append(i).append("、我局会同市教育局开展校园周边食品安全专项检查，抽检样品 1200 批次，合格率 98.5%。");
        }
        byte[] docx = DocxFiller.fill(templates.load(LetterTemplates.REPLY_LETTER), values(longBody.toString()));

        byte[] rendered = pdf.render(docx, "关于市政协七届三次会议第20230188号提案的答复");

        try (PDDocument document = Loader.loadPDF(rendered)) {
            assertThat(document.getNumberOfPages()).as("a long body runs over to further pages").isGreaterThan(1);
            String text = new PDFTextStripper().getText(document).replaceAll("\\R", "");
            assertThat(text).contains("X市市场监督管理局", "X市监函〔2026〕7号", "签发人：吴国华", "A类", "主动公开",
                    "关于市政协七届三次会议第20230188号提案的答复", "陈建华委员：", "2026年6月3日", "联系人：李经办，联系电话：022-23456789",
                    "抄送：市政协提案委", "合格率 98.5%", "40、我局会同市教育局");
            assertThat(text.split("陈建华委员", -1)).as("the addressee once").hasSize(2);
            PDFont font = document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(rendered.length).as("a subset of the font, not all of it").isLessThan(600_000);
        }
    }

    @Test
    void aCharacterTheFontLacksIsPrintedAsABoxInsteadOfFailingTheLetter() throws IOException {
        byte[] docx = DocxFiller.fill(templates.load(LetterTemplates.OPINION_LETTER), values("意见如下\u0001：已办结 \uD83D\uDE00"));
        try (PDDocument document = Loader.loadPDF(pdf.render(docx, "T"))) {
            assertThat(new PDFTextStripper().getText(document)).contains("意见如下", "已办结 □");
        }
    }

    @Test
    void aCffFontIsRefusedAtStartUpWithTheReasonInChinese(@TempDir Path folder) throws IOException {
        Path notAFont = Files.writeString(folder.resolve("仿宋.ttf"), "not a font");
        assertThatThrownBy(() -> new LetterFont(new LetterProperties(null, null, null, null, null, notAFont)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("无法用于生成 PDF 公函")
                .hasMessageContaining("proposal-desk.letters.font");
        Path cff = Path.of("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc");
        if (Files.isReadable(cff)) {
            assertThatThrownBy(() -> new LetterFont(new LetterProperties(null, null, null, null, null, cff)))
                    .hasMessageContaining("CFF 轮廓");
        }
        assertThatThrownBy(() -> new LetterFont(new LetterProperties(null, null, null, null, null, folder.resolve("无.ttf"))))
                .hasMessageContaining("找不到文件");
    }

    static Map<String, String> values(String body) {
        Map<String, String> values = new HashMap<>();
        values.putAll(Map.of("organ", "X市市场监督管理局", "documentNumber", "X市监函〔2026〕7号", "signer", "吴国华",
                "classification", "A类", "disclosure", "主动公开", "title", "关于市政协七届三次会议第20230188号提案的答复",
                "addressee", "陈建华委员：", "body", body, "commitments", "", "date", "2026年6月3日"));
        values.putAll(Map.of("contact", "李经办，联系电话：022-23456789", "copiedTo", "市政协提案委"));
        return values;
    }

}
