package com.proposaldesk.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import com.proposaldesk.task.MarkdownText;

/**
 * What changed between two texts of a draft, as markdown for a form's text component: paragraph by paragraph, and
 * inside a changed paragraph character by character (Chinese has no spaces between words), Latin words and numbers
 * kept whole. Only the changed paragraphs are shown, each in full with its deletions as {@code ［删除：…］} in italics and
 * its additions as {@code ［新增：…］} in bold; the runs of unchanged paragraphs between them are counted. Tasklist's
 * form renderer drops {@code <del>} and {@code <ins>}, so the marks are words, and every piece of the user's text is
 * escaped ({@link MarkdownText}).
 */
final class DraftDiff {

    private static final char DELETED_START = '\uE000';
    private static final char DELETED_END = '\uE001';
    private static final char ADDED_START = '\uE002';
    private static final char ADDED_END = '\uE003';
    private static final Pattern MARKERS = Pattern.compile("[\uE000-\uE003]");
    private static final Pattern TOKENS = Pattern.compile("[A-Za-z0-9]+|\\s+|.", Pattern.DOTALL);

    private static final DiffRowGenerator GENERATOR = DiffRowGenerator.create()
            .showInlineDiffs(true)
            .mergeOriginalRevised(true)
            .inlineDiffBySplitter(DraftDiff::tokens)
            .oldTag(start -> String.valueOf(start ? DELETED_START : DELETED_END))
            .newTag(start -> String.valueOf(start ? ADDED_START : ADDED_END))
            .lineNormalizer(line -> line)
            .build();

    private DraftDiff() {
    }

    /** The changes from {@code before} to {@code after}; "" when the texts read the same. */
    static String markdown(String before, String after) {
        List<DiffRow> rows = GENERATOR.generateDiffRows(lines(before), lines(after));
        List<String> shown = new ArrayList<>();
        int unchanged = 0;
        boolean changed = false;
        for (DiffRow row : rows) {
            if (row.getTag() == DiffRow.Tag.EQUAL) {
                unchanged++;
                continue;
            }
            String line = switch (row.getTag()) {
                case INSERT -> wrap(ADDED_START, strip(row.getNewLine()), ADDED_END);
                case DELETE -> wrap(DELETED_START, strip(row.getOldLine()), DELETED_END);
                default -> row.getOldLine();
            };
            if (unchanged > 0 && changed) {
                shown.add("（中间 " + unchanged + " 段未改动）");
            } else if (unchanged > 0) {
                shown.add("（前 " + unchanged + " 段未改动）");
            }
            unchanged = 0;
            changed = true;
            shown.add(render(line));
        }
        if (!changed) {
            return "";
        }
        if (unchanged > 0) {
            shown.add("（后 " + unchanged + " 段未改动）");
        }
        return String.join("\n\n", shown);
    }

    private static List<String> lines(String text) {
        String clean = text == null ? "" : MARKERS.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        return clean.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKENS.matcher(line);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static String strip(String line) {
        return MARKERS.matcher(line).replaceAll("");
    }

    private static String wrap(char start, String text, char end) {
        return start + text + end;
    }

    /**
     * Markdown of one paragraph with its marks. The emphasis sits inside the full-width brackets: next to a Chinese
     * character outside them, a {@code *} would not open or close emphasis (CommonMark's flanking rules).
     */
    private static String render(String line) {
        StringBuilder markdown = new StringBuilder();
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case DELETED_START, ADDED_START -> {
                    markdown.append(inline(piece.toString(), markdown.isEmpty()));
                    piece.setLength(0);
                }
                case DELETED_END -> {
                    mark(markdown, piece, "*删除：", "*");
                }
                case ADDED_END -> {
                    mark(markdown, piece, "**新增：", "**");
                }
                default -> piece.append(c);
            }
        }
        return markdown.append(inline(piece.toString(), markdown.isEmpty())).toString();
    }

    /** Escaped text; inside a paragraph its spaces stay (at the start of a line {@link MarkdownText} drops them). */
    private static String inline(String text, boolean lineStart) {
        return lineStart ? MarkdownText.literal(text) : MarkdownText.literal("x" + text).substring(1);
    }

    private static void mark(StringBuilder markdown, StringBuilder piece, String open, String close) {
        String text = piece.toString().strip();
        if (!text.isEmpty()) {
            markdown.append('［').append(open).append(MarkdownText.literal(text)).append(close).append('］');
        } else if (!piece.isEmpty()) {
            markdown.append('［').append(open.replace("：", "空格")).append(close).append('］');
        }
        piece.setLength(0);
    }
}
