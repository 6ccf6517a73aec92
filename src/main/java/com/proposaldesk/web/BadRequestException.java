package com.proposaldesk.web;

/** A request the API cannot answer as asked; the message (Chinese) is the API's 400 answer. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
