package com.proposaldesk.member;

/** A member with the same name and phone is in the registry already. */
public class DuplicateMemberException extends RuntimeException {

    private final long existingId;

    public DuplicateMemberException(String name, long existingId) {
        super("委员“" + name + "”已经在名册中（编号 " + existingId + "），请修改原有记录");
        this.existingId = existingId;
    }

    public long existingId() {
        return existingId;
    }
}
