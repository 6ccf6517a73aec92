package com.proposaldesk.letter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The .docx templates: the office's copy in the configured folder when there is one, else the shipped one. */
@Component
public class LetterTemplates {

    public static final String REPLY_LETTER = "reply-letter.docx";
    public static final String OPINION_LETTER = "opinion-letter.docx";

    private final LetterProperties properties;

    public LetterTemplates(LetterProperties properties) {
        this.properties = properties;
    }

    public byte[] load(String name) {
        try {
            if (properties.folder() != null) {
                Path file = properties.folder().resolve(name);
                if (Files.isRegularFile(file)) {
                    return Files.readAllBytes(file);
                }
            }
            try (InputStream in = new ClassPathResource("letters/" + name).getInputStream()) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read letter template " + name, e);
        }
    }
}
