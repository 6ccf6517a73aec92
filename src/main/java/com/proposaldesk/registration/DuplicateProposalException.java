package com.proposaldesk.registration;

import org.camunda.bpm.engine.BadUserRequestException;

/** A proposal number that is registered already. */
public class DuplicateProposalException extends BadUserRequestException {

    private final String number;

    public DuplicateProposalException(String number) {
        super("提案编号 " + number + " 已经登记，不能重复登记");
        this.number = number;
    }

    public String number() {
        return number;
    }
}
