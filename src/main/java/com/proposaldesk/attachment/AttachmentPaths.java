package com.proposaldesk.attachment;

import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;

/** The addresses of a proposal's attachments, for links in pages and task forms. */
final class AttachmentPaths {

    private AttachmentPaths() {
    }

    static String list(String proposalNumber) {
        return "/api/proposals/" + segment(proposalNumber) + "/attachments";
    }

    static String download(String proposalNumber, long id) {
        return list(proposalNumber) + "/" + id;
    }

    /** Percent-encoded, parentheses too, so that the address also stands inside a markdown link. */
    private static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8).replace("(", "%28").replace(")", "%29");
    }
}
