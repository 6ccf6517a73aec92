package com.proposaldesk.attachment;

import org.springframework.http.HttpStatus;

/** An upload or deletion refused with a Chinese message and the status the API answers with. */
public class AttachmentRejectedException extends RuntimeException {

    private final HttpStatus status;

    AttachmentRejectedException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    static AttachmentRejectedException invalid(String message) {
        return new AttachmentRejectedException(HttpStatus.BAD_REQUEST, message);
    }

    public HttpStatus status() {
        return status;
    }
}
