package com.proposaldesk.letter;

/** A filled letter ready to download. */
public record LetterFile(String filename, byte[] content) {
}
