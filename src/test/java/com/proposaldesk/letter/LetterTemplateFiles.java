package com.proposaldesk.letter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;

/**
 * Writes the shipped templates {@code src/main/resources/letters/*.docx}. Run it again after changing the layout:
 * {@code java -cp <test classpath> com.proposaldesk.letter.LetterTemplateFiles src/main/resources/letters}.
 */
public final class LetterTemplateFiles {

    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String BODY_FONT = "仿宋_GB2312";

    private LetterTemplateFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "src/main/resources/letters");
        Files.createDirectories(folder);
        write(folder.resolve(LetterTemplates.REPLY_LETTER), true);
        write(folder.resolve(LetterTemplates.OPINION_LETTER), false);
    }

    private static void write(Path file, boolean replyLetter) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            if (replyLetter) {
                paragraph(document, "${classification}", ParagraphAlignment.RIGHT, BODY_FONT, 16, true, false);
            }
            paragraph(document, "${title}", ParagraphAlignment.CENTER, TITLE_FONT, 22, false, false);
            paragraph(document, "", ParagraphAlignment.LEFT, BODY_FONT, 16, false, false);
            paragraph(document, "${addressee}", ParagraphAlignment.LEFT, BODY_FONT, 16, false, false);
            paragraph(document, "${body}", ParagraphAlignment.BOTH, BODY_FONT, 16, false, true);
            if (replyLetter) {
                paragraph(document, "${commitments}", ParagraphAlignment.BOTH, BODY_FONT, 16, false, true);
            }
            paragraph(document, "", ParagraphAlignment.LEFT, BODY_FONT, 16, false, false);
            paragraph(document, "签发人：${signer}", ParagraphAlignment.RIGHT, BODY_FONT, 16, false, false);
            paragraph(document, "${date}", ParagraphAlignment.RIGHT, BODY_FONT, 16, false, false);
            paragraph(document, "", ParagraphAlignment.LEFT, BODY_FONT, 16, false, false);
            String[][] rows = replyLetter
                    ? new String[][] { { "联系人及电话", "${contact}" }, { "抄送", "${copiedTo}" }, { "公开属性", "${publish}" } }
                    : new String[][] { { "联系人及电话", "${contact}" }, { "抄送", "${copiedTo}" } };
            XWPFTable table = document.createTable(rows.length, 2);
            table.setWidth("100%");
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < 2; j++) {
                    XWPFParagraph cell = table.getRow(i).getCell(j).getParagraphs().get(0);
                    run(cell, rows[i][j], BODY_FONT, 14, j == 0);
                }
            }
            document.write(out);
        }
    }

    private static void paragraph(XWPFDocument document, String text, ParagraphAlignment alignment, String font, int size,
            boolean bold, boolean indent) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        paragraph.setSpacingBetween(1.5);
        if (indent) {
            paragraph.setIndentationFirstLine(640);
        }
        run(paragraph, text, font, size, bold);
    }

    private static void run(XWPFParagraph paragraph, String text, String font, int size, boolean bold) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(font, FontCharRange.eastAsia);
        run.setFontFamily("Times New Roman", FontCharRange.ascii);
        run.setFontSize(size);
        run.setBold(bold);
        run.setText(text);
    }
}
