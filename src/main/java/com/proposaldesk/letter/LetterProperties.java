package com.proposaldesk.letter;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the letter templates come from besides the ones shipped in {@code classpath:letters/}.
 *
 * @param folder optional folder holding {@code reply-letter.docx} and/or {@code opinion-letter.docx} that replace the shipped ones
 */
@ConfigurationProperties("proposal-desk.letters")
public record LetterProperties(Path folder) {

    public LetterProperties {
        folder = folder == null || folder.toString().isBlank() ? null : folder;
    }
}
