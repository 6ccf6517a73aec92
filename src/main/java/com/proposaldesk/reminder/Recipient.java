package com.proposaldesk.reminder;

/** A person who receives a mail: the Camunda user, the name the mail greets and the address it goes to. */
public record Recipient(String userId, String name, String email) {
}
