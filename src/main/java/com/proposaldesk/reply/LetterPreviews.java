package com.proposaldesk.reply;

/** The letter a draft will go out as, for the sign-off forms; the letter package prints it (so it is not a cycle). */
public interface LetterPreviews {

    /** The letter's text (title, addressee, body, signature block) as markdown with every user text escaped. */
    String markdown(String proposalNumber, Reply draft);
}
