package com.proposaldesk.task;

/**
 * The files kept with a case, as a markdown text for task forms ({@value #VARIABLE}). Implemented where they live
 * ({@code attachment}), so that this generic task adapter does not depend on it.
 */
public interface CaseAttachments {

    /** The task-local variable a form's text component shows. */
    String VARIABLE = "attachmentList";

    /** The case's files with their download links as a short markdown text. */
    String markdown(String proposalNumber);
}
