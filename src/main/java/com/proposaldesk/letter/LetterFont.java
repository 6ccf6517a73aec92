package com.proposaldesk.letter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Chinese font the PDF letters embed (as a subset): the shipped Noto Serif SC (SIL Open Font License), or the
 * bureau's own TrueType font. PDFBox subsets only TrueType outlines, so a CFF-based OpenType font (such as Debian's
 * Noto CJK .ttc) is refused at start-up with the reason.
 */
@Component
class LetterFont {

    static final String SHIPPED = "fonts/NotoSerifSC-Regular.ttf";

    private final Path configured;
    private volatile byte[] data;

    LetterFont(LetterProperties properties) {
        this.configured = properties.font();
        if (configured != null) {
            try (TrueTypeFont font = open()) {
                // read once to tell a wrong setting at start-up rather than at the first sign-off
            } catch (IOException e) {
                throw new IllegalStateException(problem(e.getMessage()), e);
            }
        }
    }

    /** A fresh parse of the font for one PDF (a parsed font must not be shared between threads); the caller closes it. */
    TrueTypeFont open() throws IOException {
        byte[] bytes = bytes();
        TrueTypeFont font = isCollection(bytes) ? firstChineseFace(bytes) : new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        if (font instanceof OpenTypeFont openType && openType.isPostScript()) {
            font.close();
            throw new IOException("它是 CFF 轮廓的 OpenType 字体，PDF 无法嵌入其子集，请改用 TrueType 轮廓的字体（.ttf）");
        }
        if (font.getUnicodeCmapLookup().getGlyphId('函') == 0) {
            font.close();
            throw new IOException("字体中没有汉字");
        }
        return font;
    }

    private byte[] bytes() throws IOException {
        byte[] bytes = data;
        if (bytes == null) {
            if (configured != null) {
                if (!Files.isReadable(configured)) {
                    throw new IOException("找不到文件或文件不可读");
                }
                bytes = Files.readAllBytes(configured);
            } else {
                try (InputStream in = new ClassPathResource(SHIPPED).getInputStream()) {
                    bytes = in.readAllBytes();
                }
            }
            data = bytes;
        }
        return bytes;
    }

    private static boolean isCollection(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == 't' && bytes[1] == 't' && bytes[2] == 'c' && bytes[3] == 'f';
    }

    /** The simplified Chinese face of a collection when it names one, else its first face. */
    private static TrueTypeFont firstChineseFace(byte[] bytes) throws IOException {
        TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(bytes));
        TrueTypeFont[] chosen = new TrueTypeFont[2];
        collection.processAllFonts(face -> {
            String name = face.getName() == null ? "" : face.getName().toLowerCase();
            if (chosen[0] == null && (name.contains("sc") || name.contains("gb") || name.contains("hans"))) {
                chosen[0] = face;
            }
            if (chosen[1] == null) {
                chosen[1] = face;
            }
        });
        TrueTypeFont face = chosen[0] != null ? chosen[0] : chosen[1];
        if (face == null) {
            throw new IOException("字体集合中没有字体");
        }
        return face;
    }

    private String problem(String reason) {
        return "proposal-desk.letters.font 配置的字体 " + configured + " 无法用于生成 PDF 公函：" + reason
                + "。请改用 TrueType 轮廓的中文字体，或删去该配置以使用随附的思源宋体（Noto Serif SC）。";
    }

    /** The font's problem in the bureau's words, for a PDF that cannot be made. */
    UncheckedIOException unusable(IOException e) {
        return new UncheckedIOException(configured == null ? "随附的中文字体无法读取：" + e.getMessage() : problem(e.getMessage()), e);
    }
}
