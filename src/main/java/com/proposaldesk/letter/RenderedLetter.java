package com.proposaldesk.letter;

/** One letter as Word document and PDF, with its document number (文号) once signed, else null. */
record RenderedLetter(String documentNumber, LetterFile docx, LetterFile pdf) {
}
