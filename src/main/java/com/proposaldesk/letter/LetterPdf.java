package com.proposaldesk.letter;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGridCol;
import org.springframework.stereotype.Component;

/**
 * Lays a filled letter (.docx) out on A4 pages with PDFBox, so that the PDF says exactly what the Word file says,
 * whichever template it came from: paragraphs with their alignment, indents, spacing, font size, colour, weight and
 * borders (the red rule under the organ's name), and tables. Chinese text breaks between any two characters, except
 * before closing punctuation (避头) and inside a Latin word or number. One embedded font ({@link LetterFont}) serves
 * every typeface of the template; bold is drawn stroked.
 */
@Component
class LetterPdf {

    private static final float TWIP = 1 / 20f;
    private static final float DEFAULT_SIZE = 16;
    private static final float CELL_PADDING = 108 * TWIP;
    private static final String NO_LINE_START = "，。、；：？！）》」』”’…—,.;:?!)]%";

    private final LetterFont font;
    private TrueTypeFont parsed;

    LetterPdf(LetterFont font) {
        this.font = font;
    }

    /**
     * The font, parsed once (a large CJK font takes most of a second to parse): a parsed font reads its tables lazily
     * and is not safe for two threads, so one letter is laid out and subset at a time.
     */
    private TrueTypeFont trueType() {
        if (parsed == null) {
            try {
                parsed = font.open();
            } catch (IOException e) {
                throw font.unusable(e);
            }
        }
        return parsed;
    }

    byte[] render(byte[] docx, String title) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                PDDocument pdf = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(title);
            synchronized (this) {
                Pages pages = new Pages(pdf, PDType0Font.load(pdf, trueType(), true), margins(document));
                for (IBodyElement element : document.getBodyElements()) {
                    if (element instanceof XWPFParagraph paragraph) {
                        pages.paragraph(paragraph);
                    } else if (element instanceof XWPFTable table) {
                        pages.table(table);
                    }
                }
                pages.close();
                pdf.save(out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the letter as PDF", e);
        }
    }

    /** Top, right, bottom, left in points: the template's, else GB/T 9704's (37, 26, 35, 28 mm). */
    private static float[] margins(XWPFDocument document) {
        float mm = 72 / 25.4f;
        float[] margins = {37 * mm, 26 * mm, 35 * mm, 28 * mm};
        CTSectPr section = document.getDocument().getBody().getSectPr();
        if (section != null && section.getPgMar() != null) {
            CTPageMar mar = section.getPgMar();
            margins[0] = twips(mar.getTop(), margins[0]);
            margins[1] = twips(mar.getRight(), margins[1]);
            margins[2] = twips(mar.getBottom(), margins[2]);
            margins[3] = twips(mar.getLeft(), margins[3]);
        }
        return margins;
    }

    private static float twips(Object value, float otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return Math.abs(new BigInteger(value.toString()).floatValue()) * TWIP;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private record Glyph(String text, float size, Color color, boolean bold, float width) {
    }

    private record Line(List<Glyph> glyphs, float indent, float width, float available, boolean last) {
    }

    private record Rule(boolean top, float width, Color color, boolean doubled) {
    }

    /** A paragraph broken into lines for a given width. */
    private record Block(List<Line> lines, ParagraphAlignment alignment, float lineHeight, float before, float after,
            List<Rule> rules, float indentLeft, float indentRight) {

        float height() {
            return before + lines.size() * lineHeight + after;
        }
    }

    /** The pages being written, and where the next line goes. */
    private static final class Pages {

        private final PDDocument pdf;
        private final PDType0Font font;
        private final float top;
        private final float right;
        private final float bottom;
        private final float left;
        private final Map<Integer, String> printable = new HashMap<>();
        private PDPageContentStream content;
        private float y;

        Pages(PDDocument pdf, PDType0Font font, float[] margins) throws IOException {
            this.pdf = pdf;
            this.font = font;
            this.top = margins[0];
            this.right = margins[1];
            this.bottom = margins[2];
            this.left = margins[3];
            newPage();
        }

        private float width() {
            return PDRectangle.A4.getWidth() - left - right;
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            content = new PDPageContentStream(pdf, page);
            y = PDRectangle.A4.getHeight() - top;
        }

        void close() throws IOException {
            content.close();
        }

        void paragraph(XWPFParagraph paragraph) throws IOException {
            Block block = block(paragraph, width());
            y -= block.before();
            for (Rule rule : block.rules()) {
                if (rule.top()) {
                    rule(rule, left + block.indentLeft(), width() - block.indentLeft() - block.indentRight(), y);
                }
            }
            for (Line line : block.lines()) {
                if (y - block.lineHeight() < bottom) {
                    newPage();
                }
                draw(line, block, left, y);
                y -= block.lineHeight();
            }
            for (Rule rule : block.rules()) {
                if (!rule.top()) {
                    rule(rule, left + block.indentLeft(), width() - block.indentLeft() - block.indentRight(), y);
                }
            }
            y -= block.after();
        }

        void table(XWPFTable table) throws IOException {
            float[] columns = columns(table);
            boolean bordered = bordered(table);
            for (XWPFTableRow row : table.getRows()) {
                List<XWPFTableCell> cells = row.getTableCells();
                List<List<Block>> blocks = new ArrayList<>();
                float height = 0;
                for (int i = 0; i < cells.size(); i++) {
                    float cellWidth = columns[Math.min(i, columns.length - 1)] - 2 * CELL_PADDING;
                    List<Block> cellBlocks = new ArrayList<>();
                    float cellHeight = 0;
                    for (XWPFParagraph paragraph : cells.get(i).getParagraphs()) {
                        Block block = block(paragraph, cellWidth);
                        cellBlocks.add(block);
                        cellHeight += block.height();
                    }
                    blocks.add(cellBlocks);
                    height = Math.max(height, cellHeight);
                }
                if (y - height < bottom) {
                    newPage();
                }
                // as in Word, the cells' text, not their edges, lines up with the margin
                float x = left - CELL_PADDING;
                for (int i = 0; i < blocks.size(); i++) {
                    float cellY = y;
                    for (Block block : blocks.get(i)) {
                        cellY -= block.before();
                        for (Line line : block.lines()) {
                            draw(line, block, x + CELL_PADDING, cellY);
                            cellY -= block.lineHeight();
                        }
                        cellY -= block.after();
                    }
                    float columnWidth = columns[Math.min(i, columns.length - 1)];
                    if (bordered) {
                        content.setStrokingColor(Color.BLACK);
                        content.setLineWidth(0.5f);
                        content.addRect(x, y - height, columnWidth, height);
                        content.stroke();
                    }
                    x += columnWidth;
                }
                y -= height;
            }
        }

        private float[] columns(XWPFTable table) {
            List<CTTblGridCol> grid = table.getCTTbl().getTblGrid() == null ? List.of()
                    : table.getCTTbl().getTblGrid().getGridColList();
            int count = table.getRows().stream().mapToInt(row -> row.getTableCells().size()).max().orElse(1);
            float[] widths = new float[count];
            float total = 0;
            for (int i = 0; i < count && i < grid.size(); i++) {
                widths[i] = twips(grid.get(i).getW(), 0);
                total += widths[i];
            }
            for (int i = 0; i < count; i++) {
                widths[i] = total > 0 && grid.size() >= count ? widths[i] * width() / total : width() / count;
            }
            return widths;
        }

        private static boolean bordered(XWPFTable table) {
            XWPFTable.XWPFBorderType border = table.getTopBorderType();
            return border != null && border != XWPFTable.XWPFBorderType.NONE && border != XWPFTable.XWPFBorderType.NIL;
        }

        private Block block(XWPFParagraph paragraph, float width) throws IOException {
            List<Glyph> glyphs = new ArrayList<>();
            float size = 0;
            for (XWPFRun run : paragraph.getRuns()) {
                Double runSize = run.getFontSizeAsDouble();
                float glyphSize = runSize == null ? DEFAULT_SIZE : runSize.floatValue();
                size = Math.max(size, glyphSize);
                Color color = color(run.getColor());
                String text = run.text();
                for (int i = 0; i < text.length(); ) {
                    int codePoint = text.codePointAt(i);
                    i += Character.charCount(codePoint);
                    String printed = codePoint == '\n' ? "\n" : printable(codePoint);
                    float glyphWidth = printed.equals("\n") ? 0 : font.getStringWidth(printed) / 1000 * glyphSize;
                    glyphs.add(new Glyph(printed, glyphSize, color, run.isBold(), glyphWidth));
                }
            }
            if (size == 0) {
                size = paragraph.getRuns().isEmpty() || paragraph.getRuns().get(0).getFontSizeAsDouble() == null
                        ? DEFAULT_SIZE : paragraph.getRuns().get(0).getFontSizeAsDouble().floatValue();
            }
            float indentLeft = Math.max(0, paragraph.getIndentationLeft()) * TWIP;
            float indentRight = Math.max(0, paragraph.getIndentationRight()) * TWIP;
            float firstLine = Math.max(0, paragraph.getIndentationFirstLine()) * TWIP;
            float available = width - indentLeft - indentRight;
            List<Line> lines = breakLines(glyphs, indentLeft, firstLine, available);
            ParagraphAlignment alignment = paragraph.getAlignment();
            return new Block(lines, alignment, lineHeight(paragraph, size), Math.max(0, paragraph.getSpacingBefore()) * TWIP,
                    Math.max(0, paragraph.getSpacingAfter()) * TWIP, rules(paragraph), indentLeft, indentRight);
        }

        private static List<Line> breakLines(List<Glyph> glyphs, float indentLeft, float firstLine, float available) {
            List<Line> lines = new ArrayList<>();
            int start = 0;
            while (true) {
                float indent = indentLeft + (lines.isEmpty() ? firstLine : 0);
                float room = available - (lines.isEmpty() ? firstLine : 0);
                float used = 0;
                int end = start;
                boolean forced = false;
                while (end < glyphs.size()) {
                    Glyph glyph = glyphs.get(end);
                    if (glyph.text().equals("\n")) {
                        forced = true;
                        break;
                    }
                    if (used + glyph.width() > room + 0.01f && end > start) {
                        break;
                    }
                    used += glyph.width();
                    end++;
                }
                if (!forced && end < glyphs.size()) {
                    end = breakBefore(glyphs, start, end);
                }
                List<Glyph> line = glyphs.subList(start, end);
                float lineWidth = (float) line.stream().mapToDouble(Glyph::width).sum();
                boolean last = forced || end >= glyphs.size();
                lines.add(new Line(List.copyOf(line), indent, lineWidth, room, last));
                start = forced ? end + 1 : end;
                if (start >= glyphs.size() && !(forced && start == glyphs.size())) {
                    return lines;
                }
            }
        }

        /** Moves a break so that no line starts with closing punctuation and no Latin word or number is cut. */
        private static int breakBefore(List<Glyph> glyphs, int start, int end) {
            int at = end;
            if (NO_LINE_START.contains(glyphs.get(at).text()) && at - 1 > start) {
                at--;
            }
            int word = at;
            while (word > start && latin(glyphs.get(word).text()) && latin(glyphs.get(word - 1).text())) {
                word--;
            }
            return word > start ? word : at;
        }

        private static boolean latin(String text) {
            return text.length() == 1 && (Character.isLetterOrDigit(text.charAt(0)) && text.charAt(0) < 0x2E80
                    || text.charAt(0) == '-' || text.charAt(0) == '.');
        }

        private static float lineHeight(XWPFParagraph paragraph, float size) {
            double between = paragraph.getSpacingBetween();
            LineSpacingRule rule = paragraph.getSpacingLineRule();
            if (between > 0 && (rule == LineSpacingRule.EXACT || rule == LineSpacingRule.AT_LEAST)) {
                float exact = (float) between;
                return rule == LineSpacingRule.AT_LEAST ? Math.max(exact, size * 1.3f) : exact;
            }
            return (float) (size * 1.3f * (between > 0 ? between : 1));
        }

        private static List<Rule> rules(XWPFParagraph paragraph) {
            List<Rule> rules = new ArrayList<>();
            if (paragraph.getCTP().getPPr() == null || paragraph.getCTP().getPPr().getPBdr() == null) {
                return rules;
            }
            var borders = paragraph.getCTP().getPPr().getPBdr();
            if (borders.getTop() != null) {
                rules.add(rule(borders.getTop(), true));
            }
            if (borders.getBottom() != null) {
                rules.add(rule(borders.getBottom(), false));
            }
            rules.removeIf(rule -> rule.width() <= 0);
            return rules;
        }

        private static Rule rule(CTBorder border, boolean top) {
            String style = border.getVal() == null ? "single" : border.getVal().toString();
            if (style.equals("none") || style.equals("nil")) {
                return new Rule(top, 0, Color.BLACK, false);
            }
            float width = border.getSz() == null ? 0.75f : twips(border.getSz(), 6) * 20 / 8;
            Object color = border.getColor();
            String hex = color instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : color == null ? null : color.toString();
            return new Rule(top, width, color(hex),
                    style.startsWith("thickThin") || style.equals("double"));
        }

        private void rule(Rule rule, float x, float width, float atY) throws IOException {
            content.setStrokingColor(rule.color());
            content.setLineWidth(rule.width());
            float lineY = rule.top() ? atY + rule.width() / 2 : atY - rule.width() / 2;
            content.moveTo(x, lineY);
            content.lineTo(x + width, lineY);
            content.stroke();
            if (rule.doubled()) {
                float thin = Math.max(0.5f, rule.width() / 3);
                float thinY = rule.top() ? lineY + rule.width() : lineY - rule.width() - thin;
                content.setLineWidth(thin);
                content.moveTo(x, thinY);
                content.lineTo(x + width, thinY);
                content.stroke();
            }
        }

        private void draw(Line line, Block block, float x, float lineTop) throws IOException {
            if (line.glyphs().isEmpty()) {
                return;
            }
            float free = line.available() - line.width();
            float start = x + line.indent();
            float spacing = 0;
            switch (block.alignment()) {
                case CENTER -> start += free / 2;
                case RIGHT, END -> start += free;
                case BOTH, DISTRIBUTE -> {
                    if (!line.last() && line.glyphs().size() > 1 && free > 0) {
                        spacing = free / (line.glyphs().size() - 1);
                    }
                }
                default -> {
                }
            }
            float cursor = start;
            int from = 0;
            List<Glyph> glyphs = line.glyphs();
            while (from < glyphs.size()) {
                Glyph first = glyphs.get(from);
                int to = from;
                StringBuilder text = new StringBuilder();
                float segment = 0;
                while (to < glyphs.size() && same(first, glyphs.get(to))) {
                    text.append(glyphs.get(to).text());
                    segment += glyphs.get(to).width() + spacing;
                    to++;
                }
                float baseline = lineTop - (block.lineHeight() - first.size()) / 2 - first.size() * 0.88f;
                content.beginText();
                content.setFont(font, first.size());
                content.setNonStrokingColor(first.color());
                if (first.bold()) {
                    content.setRenderingMode(RenderingMode.FILL_STROKE);
                    content.setStrokingColor(first.color());
                    content.setLineWidth(first.size() * 0.03f);
                } else {
                    content.setRenderingMode(RenderingMode.FILL);
                }
                content.setCharacterSpacing(spacing);
                content.newLineAtOffset(cursor, baseline);
                content.showText(text.toString());
                content.endText();
                cursor += segment;
                from = to;
            }
        }

        private static boolean same(Glyph a, Glyph b) {
            return a.size() == b.size() && a.bold() == b.bold() && a.color().equals(b.color());
        }

        /** The character as the font can print it: a control character as a space, one it lacks as □. */
        private String printable(int codePoint) {
            return printable.computeIfAbsent(codePoint, code -> {
                if (Character.isISOControl(code) || Character.isWhitespace(code) && code != 0x3000) {
                    return " ";
                }
                String text = new String(Character.toChars(code));
                try {
                    font.encode(text);
                    return text;
                } catch (IllegalArgumentException | IOException missing) {
                    return "□";
                }
            });
        }

        private static Color color(String hex) {
            if (hex == null || hex.isBlank() || hex.equalsIgnoreCase("auto")) {
                return Color.BLACK;
            }
            try {
                return new Color(Integer.parseInt(hex, 16));
            } catch (NumberFormatException e) {
                return Color.BLACK;
            }
        }
    }
}
