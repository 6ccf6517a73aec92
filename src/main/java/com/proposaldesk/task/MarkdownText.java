package com.proposaldesk.task;

/**
 * User text inside the markdown of a form's text component. Tasklist renders those components with GitHub-flavoured
 * markdown and lets HTML through, so a title holding {@code <a href>}, {@code <img>}, {@code [x](https://…)} or a bare
 * web address would show as a live link or an image. Every ASCII punctuation character is escaped with a backslash,
 * which CommonMark turns back into the character itself: no tag, link, emphasis, list, heading or autolink
 * (its {@code ://}, {@code www.} and {@code @} are escaped too) can form, and the user sees exactly what was typed.
 */
public final class MarkdownText {

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private MarkdownText() {
    }

    /** The text as markdown that renders as the text itself; line breaks stay line breaks. Null becomes "". */
    public static String literal(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder markdown = new StringBuilder(text.length() + text.length() / 8 + 8);
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        boolean lineStart = true;
        for (int i = 0; i < lines.length(); i++) {
            char c = lines.charAt(i);
            if (lineStart && (c == ' ' || c == '\t')) {
                // indentation would make a code block; it carries no meaning in what users type here
                continue;
            }
            lineStart = c == '\n';
            if (PUNCTUATION.indexOf(c) >= 0) {
                markdown.append('\\');
            }
            markdown.append(c);
        }
        return markdown.toString();
    }
}
