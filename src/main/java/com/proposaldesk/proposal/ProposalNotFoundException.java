package com.proposaldesk.proposal;

public class ProposalNotFoundException extends RuntimeException {

    public ProposalNotFoundException(String number) {
        super("未找到编号为 " + number + " 的提案");
    }
}
