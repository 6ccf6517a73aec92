package com.proposaldesk.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.springframework.stereotype.Component;

/** The draft of the year-end summary as a Word document, shaped like the bureau's own summaries. */
@Component
public class SummaryDocument {

    static final String PLACEHOLDER = "（请提案办补充）";
    private static final String HEADING_FONT = "黑体";
    private static final String BODY_FONT = "仿宋";

    public byte[] render(AnnualSummary summary) {
        SummaryText text = new SummaryText(summary);
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            title(document, text.title());
            body(document, text.opening());
            heading(document, "一、办理基本情况");
            heading(document, "（一）基本情况");
            for (String paragraph : text.basics()) {
                body(document, paragraph);
            }
            heading(document, "二、典型案例");
            List<String> cases = text.typicalCases();
            for (String paragraph : cases.isEmpty() ? List.of("（请提案办在提案办理台标记典型案例）") : cases) {
                body(document, paragraph);
            }
            heading(document, "三、存在问题和改进措施");
            body(document, PLACEHOLDER);
            heading(document, "四、对政协提案工作的意见建议");
            body(document, PLACEHOLDER);
            heading(document, "五、自评");
            for (String paragraph : text.selfScore()) {
                body(document, paragraph);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the summary document", e);
        }
    }

    private static void title(XWPFDocument document, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        run(paragraph, text, "方正小标宋简体", 22, true);
    }

    private static void heading(XWPFDocument document, String text) {
        run(document.createParagraph(), text, HEADING_FONT, 16, false);
    }

    private static void body(XWPFDocument document, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setFirstLineIndent(640);
        run(paragraph, text, BODY_FONT, 16, false);
    }

    private static void run(XWPFParagraph paragraph, String text, String font, int size, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setFontFamily(font);
        run.setFontSize(size);
        run.setBold(bold);
    }
}
