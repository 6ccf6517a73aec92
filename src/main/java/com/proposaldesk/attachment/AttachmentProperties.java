package com.proposaldesk.attachment;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of a proposal's attachments ({@code proposal-desk.attachments.*}). The servlet's multipart limits
 * ({@code spring.servlet.multipart.*}) must be at least {@code max-file-size}.
 *
 * @param allowedTypes media types as read from the content; a type also admits its subtypes known to Apache Tika
 */
@ConfigurationProperties("proposal-desk.attachments")
public record AttachmentProperties(
        @DefaultValue("20MB") DataSize maxFileSize,
        @DefaultValue({"application/pdf", "application/ofd", "image/jpeg", "image/png", "image/tiff", "image/bmp", "image/gif",
                "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"}) List<String> allowedTypes) {

    /** A size as the bureau reads it: 20 MB, 256 KB. */
    public String describeMaxFileSize() {
        long bytes = maxFileSize.toBytes();
        if (bytes >= DataSize.ofMegabytes(1).toBytes() && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return maxFileSize.toMegabytes() + " MB";
        }
        if (bytes >= DataSize.ofKilobytes(1).toBytes() && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return maxFileSize.toKilobytes() + " KB";
        }
        return bytes + " 字节";
    }
}
