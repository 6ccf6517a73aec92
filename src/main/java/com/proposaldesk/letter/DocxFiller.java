package com.proposaldesk.letter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;

/**
 * Fills {@code ${name}} placeholders of a .docx in paragraphs, table cells, headers and footers. Word often
 * splits a placeholder over several runs, so a paragraph holding one is merged into its first run (which keeps
 * its formatting) before replacing. A multi-line value becomes one paragraph per line; a paragraph left empty
 * by an empty value is removed. Unknown placeholders are replaced by nothing.
 */
public final class DocxFiller {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private DocxFiller() {
    }

    public static byte[] fill(byte[] template, Map<String, String> values) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fillBody(document, values);
            for (XWPFHeader header : document.getHeaderList()) {
                fillBody(header, values);
            }
            for (XWPFFooter footer : document.getFooterList()) {
                fillBody(footer, values);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot fill letter template", e);
        }
    }

    private static void fillBody(IBody body, Map<String, String> values) {
        for (XWPFParagraph paragraph : new ArrayList<>(body.getParagraphs())) {
            fillParagraph(body, paragraph, values);
        }
        for (XWPFTable table : body.getTables()) {
            for (XWPFTableRow row : table.getRows()) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    fillBody(cell, values);
                }
            }
        }
    }

    private static void fillParagraph(IBody body, XWPFParagraph paragraph, Map<String, String> values) {
        String text = paragraph.getText();
        if (text == null || !text.contains("${")) {
            return;
        }
        String filled = replace(text, values);
        List<XWPFRun> runs = paragraph.getRuns();
        if (runs.isEmpty()) {
            return;
        }
        for (int i = runs.size() - 1; i > 0; i--) {
            paragraph.removeRun(i);
        }
        XWPFRun run = paragraph.getRuns().get(0);
        String[] lines = filled.split("\\r?\\n", -1);
        if (filled.isBlank()) {
            removeParagraph(body, paragraph);
            return;
        }
        run.setText(lines[0], 0);
        XWPFParagraph previous = paragraph;
        for (int i = 1; i < lines.length; i++) {
            previous = copyAfter(previous, lines[i]);
        }
    }

    private static String replace(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = values.getOrDefault(matcher.group(1), "");
            matcher.appendReplacement(result, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** A new paragraph right after {@code paragraph}, with its paragraph and run formatting, holding one line. */
    private static XWPFParagraph copyAfter(XWPFParagraph paragraph, String line) {
        XmlCursor cursor = paragraph.getCTP().newCursor();
        XWPFParagraph copy;
        if (cursor.toNextSibling()) {
            copy = paragraph.getBody().insertNewParagraph(cursor);
        } else if (paragraph.getBody() instanceof XWPFTableCell cell) {
            copy = cell.addParagraph();
        } else {
            copy = ((XWPFDocument) paragraph.getBody()).createParagraph();
        }
        cursor.dispose();
        if (paragraph.getCTP().getPPr() != null) {
            copy.getCTP().setPPr(paragraph.getCTP().getPPr());
        }
        XWPFRun source = paragraph.getRuns().get(0);
        XWPFRun run = copy.createRun();
        if (source.getCTR().getRPr() != null) {
            run.getCTR().setRPr(source.getCTR().getRPr());
        }
        run.setText(line, 0);
        return copy;
    }

    private static void removeParagraph(IBody body, XWPFParagraph paragraph) {
        if (body instanceof XWPFDocument document) {
            document.removeBodyElement(document.getPosOfParagraph(paragraph));
        } else if (body instanceof XWPFTableCell cell) {
            if (cell.getParagraphs().size() > 1) {
                cell.removeParagraph(cell.getParagraphs().indexOf(paragraph));
            } else {
                paragraph.getRuns().get(0).setText("", 0);
            }
        } else {
            paragraph.getRuns().get(0).setText("", 0);
        }
    }
}
