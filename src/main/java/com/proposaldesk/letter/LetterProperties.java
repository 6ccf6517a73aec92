package com.proposaldesk.letter;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the bureau's letters (函) look and where their templates and font come from.
 *
 * @param folder optional folder holding {@code reply-letter.docx} and/or {@code opinion-letter.docx} that replace the shipped ones
 * @param organ the issuing organ (发文机关) as it heads and signs the letter
 * @param numberPattern the document number (文号), {@code {year}} and {@code {n}} replaced by the year and the number in it
 * @param copiedTo whom a reply to a CPPCC proposal is copied to (抄送)
 * @param npcCopiedTo whom a reply to an NPC suggestion is copied to
 * @param font optional TrueType font (.ttf, or .ttc with TrueType outlines) for the PDF instead of the shipped Noto Serif SC
 */
@ConfigurationProperties("proposal-desk.letters")
public record LetterProperties(Path folder, String organ, String numberPattern, String copiedTo, String npcCopiedTo, Path font) {

    static final String YEAR = "{year}";
    static final String NUMBER = "{n}";

    public LetterProperties {
        folder = folder == null || folder.toString().isBlank() ? null : folder;
        font = font == null || font.toString().isBlank() ? null : font;
        organ = blank(organ) ? "X市市场监督管理局" : organ.strip();
        numberPattern = blank(numberPattern) ? "X市监函〔{year}〕{n}号" : numberPattern.strip();
        copiedTo = blank(copiedTo) ? "市政协提案委" : copiedTo.strip();
        npcCopiedTo = blank(npcCopiedTo) ? "市人大常委会代表工作委员会" : npcCopiedTo.strip();
        if (!numberPattern.contains(NUMBER)) {
            throw new IllegalArgumentException("proposal-desk.letters.number-pattern 必须含有 {n}（年内序号），例如 X市监函〔{year}〕{n}号");
        }
    }

    /** The shipped settings, with templates from {@code folder} when not null. */
    static LetterProperties withFolder(Path folder) {
        return new LetterProperties(folder, null, null, null, null, null);
    }

    String documentNumber(int year, int number) {
        return numberPattern.replace(YEAR, Integer.toString(year)).replace(NUMBER, Integer.toString(number));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
