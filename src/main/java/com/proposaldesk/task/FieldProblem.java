package com.proposaldesk.task;

/** One invalid input field: its key as the client sent it and a Chinese message for the user. */
public record FieldProblem(String field, String message) {
}
