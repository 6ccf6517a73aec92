package com.proposaldesk.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LetterTemplatesTest {

    @Test
    void theOfficesFolderReplacesOnlyTheTemplatesItHolds(@TempDir Path folder) throws IOException {
        Files.write(folder.resolve(LetterTemplates.REPLY_LETTER), new byte[] { 1, 2, 3 });
        LetterTemplates templates = new LetterTemplates(LetterProperties.withFolder(folder));

        assertThat(templates.load(LetterTemplates.REPLY_LETTER)).containsExactly(1, 2, 3);
        assertThat(templates.load(LetterTemplates.OPINION_LETTER))
                .isEqualTo(new LetterTemplates(LetterProperties.withFolder(null)).load(LetterTemplates.OPINION_LETTER));
    }
}
