package com.proposaldesk.security;

/** The user may not do this; the message (Chinese) is the API's 403 answer. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
