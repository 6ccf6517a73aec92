package com.proposaldesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Our pages, Tasklist and Cockpit scripts and mail templates put user text into the page as text only: through
 * {@code textContent} and text nodes, and Thymeleaf's escaping {@code th:text}. None of them may parse a value as HTML,
 * which would turn a title's {@code <a href>} or {@code <img>} into a live link or an image.
 */
class UserTextInPagesTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final List<String> HTML_SINKS = List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
            "DOMParser", "createContextualFragment", "th:utext", "[(${", "v-html", "dangerouslySetInnerHTML");

    @Test
    void noPageScriptOrHtmlTemplateParsesAValueAsHtml() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(RESOURCES)) {
            files = all.filter(Files::isRegularFile)
                    .filter(path -> path.toString().endsWith(".html") || path.toString().endsWith(".js"))
                    .toList();
        }
        assertThat(files).as("pages, scripts and mail templates").hasSizeGreaterThan(10);
        for (Path file : files) {
            String content = Files.readString(file);
            assertThat(content).as(file.toString()).doesNotContain(HTML_SINKS.toArray(String[]::new));
        }
    }
}
