package com.proposaldesk.member;

/** No member with this id in the registry. */
public class MemberNotFoundException extends RuntimeException {

    public MemberNotFoundException(long id) {
        super("委员名册中没有编号为 " + id + " 的委员");
    }
}
