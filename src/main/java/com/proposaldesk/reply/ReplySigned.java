package com.proposaldesk.reply;

/**
 * The last signature a reply needs (签发) was given: published inside the sign-off's transaction, so that what its
 * listeners write (the letter's document number) is committed or rolled back with the sign-off.
 */
public record ReplySigned(String proposalNumber, long replyId, String signedBy) {
}
