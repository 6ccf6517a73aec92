package com.proposaldesk.task;

import org.camunda.bpm.engine.BadUserRequestException;

/** A step the rules of proposal handling do not allow yet; the message tells the user why, in Chinese. */
public class ProcessRuleViolation extends BadUserRequestException {

    public ProcessRuleViolation(String message) {
        super(message);
    }
}
