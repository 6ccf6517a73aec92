package com.proposaldesk.web;

/** The thing asked for does not exist; the message (Chinese) is the API's 404 answer. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
