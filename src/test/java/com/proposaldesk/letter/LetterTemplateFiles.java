package com.proposaldesk.letter;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * Writes the shipped templates {@code src/main/resources/letters/*.docx}, laid out after GB/T 9704-2012 as it applies
 * to a bureau's letter (函): A4 with the standard's margins, the classification mark and 公开属性 top left, the organ's
 * name in red over a red double rule, 文号 and 签发人, the title in 2号小标宋, the addressee once, the body in 3号仿宋 at
 * 22 lines a page, the organ's name and date with room for the seal, 联系人 as a note, 抄送 between the rules of the
 * 版记. Run it again after changing the layout:
 * {@code java -cp <test classpath> com.proposaldesk.letter.LetterTemplateFiles src/main/resources/letters}.
 */
public final class LetterTemplateFiles {

    private static final String TITLE_FONT = "方正小标宋简体";
    private static final String BODY_FONT = "仿宋_GB2312";
    private static final String MARK_FONT = "黑体";
    private static final String RED = "FF0000";
    /** 3号 body at 22 lines on the 225 mm type area. */
    private static final double BODY_LINE = 29;
    private static final int TWO_CHARACTERS = 640;

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
            page(document);
            if (replyLetter) {
                paragraph(document, "${classification}　${disclosure}", ParagraphAlignment.LEFT, MARK_FONT, 16, BODY_LINE);
            }
            XWPFParagraph organ = paragraph(document, "${organ}", ParagraphAlignment.CENTER, TITLE_FONT, 30, 48);
            organ.getRuns().get(0).setColor(RED);
            organ.setSpacingBefore(replyLetter ? 120 : 580);
            organ.setSpacingAfter(120);
            organ.setBorderBottom(Borders.THICK_THIN_SMALL_GAP);
            CTBorder rule = organ.getCTP().getPPr().getPBdr().getBottom();
            rule.setColor(RED);
            rule.setSz(BigInteger.valueOf(24));
            XWPFTable numbering = document.createTable(1, 2);
            numbering.setWidth("100%");
            numbering.removeBorders();
            cell(numbering, 0, "${documentNumber}", ParagraphAlignment.LEFT);
            cell(numbering, 1, "签发人：${signer}", ParagraphAlignment.RIGHT);
            paragraph(document, "", ParagraphAlignment.LEFT, BODY_FONT, 16, BODY_LINE);
            paragraph(document, "${title}", ParagraphAlignment.CENTER, TITLE_FONT, 22, 36);
            paragraph(document, "", ParagraphAlignment.LEFT, BODY_FONT, 16, BODY_LINE);
            paragraph(document, "${addressee}", ParagraphAlignment.LEFT, BODY_FONT, 16, BODY_LINE);
            paragraph(document, "${body}", ParagraphAlignment.BOTH, BODY_FONT, 16, BODY_LINE).setIndentationFirstLine(TWO_CHARACTERS);
            if (replyLetter) {
                paragraph(document, "${commitments}", ParagraphAlignment.BOTH, BODY_FONT, 16, BODY_LINE)
                        .setIndentationFirstLine(TWO_CHARACTERS);
            }
            // room for the seal, which covers the organ's name and the date
            paragraph(document, "", ParagraphAlignment.LEFT, BODY_FONT, 16, BODY_LINE);
            paragraph(document, "", ParagraphAlignment.LEFT, BODY_FONT, 16, BODY_LINE);
            paragraph(document, "${organ}", ParagraphAlignment.RIGHT, BODY_FONT, 16, BODY_LINE).setIndentationRight(TWO_CHARACTERS);
            paragraph(document, "${date}", ParagraphAlignment.RIGHT, BODY_FONT, 16, BODY_LINE)
                    .setIndentationRight(2 * TWO_CHARACTERS);
            paragraph(document, "（联系人：${contact}）", ParagraphAlignment.LEFT, BODY_FONT, 16, BODY_LINE)
                    .setIndentationFirstLine(TWO_CHARACTERS);
            paragraph(document, "", ParagraphAlignment.LEFT, BODY_FONT, 16, BODY_LINE);
            XWPFParagraph copies = paragraph(document, "抄送：${copiedTo}", ParagraphAlignment.LEFT, BODY_FONT, 14, BODY_LINE);
            copies.setIndentationLeft(280);
            copies.setIndentationRight(280);
            copies.setBorderTop(Borders.SINGLE);
            copies.setBorderBottom(Borders.SINGLE);
            copies.getCTP().getPPr().getPBdr().getTop().setSz(BigInteger.valueOf(8));
            copies.getCTP().getPPr().getPBdr().getBottom().setSz(BigInteger.valueOf(4));
            document.write(out);
        }
    }

    /** A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
    private static void page(XWPFDocument document) {
        CTSectPr section = document.getDocument().getBody().isSetSectPr() ? document.getDocument().getBody().getSectPr()
                : document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(2098));
        margins.setBottom(BigInteger.valueOf(1984));
        margins.setLeft(BigInteger.valueOf(1588));
        margins.setRight(BigInteger.valueOf(1474));
    }

    private static XWPFParagraph paragraph(XWPFDocument document, String text, ParagraphAlignment alignment, String font,
            int size, double line) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        paragraph.setSpacingBetween(line, LineSpacingRule.EXACT);
        run(paragraph, text, font, size);
        return paragraph;
    }

    private static void cell(XWPFTable table, int column, String text, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = table.getRow(0).getCell(column).getParagraphs().get(0);
        paragraph.setAlignment(alignment);
        paragraph.setSpacingBetween(BODY_LINE, LineSpacingRule.EXACT);
        run(paragraph, text, BODY_FONT, 16);
    }

    private static void run(XWPFParagraph paragraph, String text, String font, int size) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(font, FontCharRange.eastAsia);
        run.setFontFamily("Times New Roman", FontCharRange.ascii);
        run.setFontSize(size);
        run.setText(text);
    }
}
