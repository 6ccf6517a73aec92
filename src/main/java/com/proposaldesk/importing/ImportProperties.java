package com.proposaldesk.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the assignment list import ({@code proposal-desk.import.*}). The servlet's multipart
 * limits ({@code spring.servlet.multipart.*}) must be at least {@code max-file-size}.
 */
@ConfigurationProperties("proposal-desk.import")
public record ImportProperties(@DefaultValue("5MB") DataSize maxFileSize, @DefaultValue("2000") int maxRows) {

    /** A size as the bureau reads it: 5 MB, 256 KB. */
    static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= DataSize.ofMegabytes(1).toBytes() && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes >= DataSize.ofKilobytes(1).toBytes() && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " 字节";
    }
}
