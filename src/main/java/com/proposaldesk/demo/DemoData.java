package com.proposaldesk.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Demo users and proposals for a first local run; exists only where {@code proposal-desk.demo.enabled} is true. */
@Component
@ConditionalOnProperty(name = "proposal-desk.demo.enabled", havingValue = "true")
class DemoData {

    private final DemoUsers users;
    private final DemoProposals proposals;
    private final String password;

    DemoData(DemoUsers users, DemoProposals proposals, @Value("${proposal-desk.demo.password}") String password) {
        this.users = users;
        this.proposals = proposals;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        users.createMissing(password);
        proposals.createMissing();
    }
}
