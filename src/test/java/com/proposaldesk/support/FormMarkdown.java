package com.proposaldesk.support;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.web.util.HtmlUtils;

/**
 * A form's text component as Tasklist shows it: its {@code {{variable}}} placeholders filled in, then rendered as
 * CommonMark with raw HTML let through (form-js does the same, with marked).
 */
public final class FormMarkdown {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().build();

    private FormMarkdown() {
    }

    public static String fill(String template, Map<String, Object> variables) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            Object value = variables.get(matcher.group(1));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : value.toString()));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    public static String html(String markdown) {
        return HTML.render(PARSER.parse(markdown));
    }

    /** What a reader sees of the HTML: the text without tags, entities decoded, whitespace runs as one space. */
    public static String visibleText(String html) {
        return HtmlUtils.htmlUnescape(TAG.matcher(html).replaceAll(" ")).replaceAll("\\s+", " ").strip();
    }

    /** The text with whitespace runs as one space, to compare with {@link #visibleText}. */
    public static String normalized(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
