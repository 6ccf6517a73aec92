package com.proposaldesk.communication;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /** The way named by its code (PHONE) or its Chinese label (电话). */
    public static Optional<ContactWay> parse(String text) {
        String value = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(way -> way.name().equalsIgnoreCase(value) || way.label.equals(value)).findFirst();
    }

    /** MEETING（座谈）、PHONE（电话）… for messages. */
    public static String choices() {
        return Arrays.stream(values()).map(way -> way.name() + "（" + way.label + "）").collect(Collectors.joining("、"));
    }
}
