package com.proposaldesk.attachment;

import java.time.OffsetDateTime;

/**
 * A file kept with a proposal, without its content.
 *
 * @param name the file name as uploaded, Chinese kept
 * @param contentType the type read from the content, not the one the client declared
 * @param uploadedAt with the bureau's offset
 */
public record Attachment(long id, String name, long size, String contentType, AttachmentKind kind, String kindLabel,
        String description, String uploadedBy, OffsetDateTime uploadedAt) {

    /** The size as the bureau reads it: 812 字节, 35.2 KB, 1.4 MB. */
    public String sizeLabel() {
        if (size < 1024) {
            return size + " 字节";
        }
        if (size < 1024 * 1024) {
            return String.format("%.1f KB", size / 1024.0);
        }
        return String.format("%.1f MB", size / (1024.0 * 1024));
    }

    /** Where the file is downloaded ({@code GET}), by the API's login or the webapps' session. */
    public String download(String proposalNumber) {
        return AttachmentPaths.download(proposalNumber, id);
    }
}
