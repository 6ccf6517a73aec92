package com.proposaldesk.communication;

/** How the bureau talked to the member. */
public enum ContactWay {
    MEETING("座谈"), PHONE("电话"), WECHAT("微信"), VISIT("走访"), EMAIL("邮件"), EVENT("活动");

    private final String label;

    ContactWay(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
