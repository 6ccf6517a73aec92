package com.proposaldesk.web;

import java.util.UUID;

/** A short reference that ties a user's "系统内部错误" answer to the logged exception, which the user never sees. */
public final class ErrorReference {

    private ErrorReference() {
    }

    public static String next() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static String message(String reference) {
        return "系统内部错误，请联系管理员（错误编号 " + reference + "）";
    }
}
