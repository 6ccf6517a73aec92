package com.proposaldesk.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.springframework.core.io.InputStreamSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * An attachment's type read from its first bytes by Apache Tika, never taken from the client's word or the name alone:
 * a program renamed {@code 答复函.pdf} is refused. The name only tells apart types that share a container (a Word
 * or Excel file, an OFD document in its zip); those containers are opened to check that they hold what the name says.
 */
@Component
class AttachmentTypes {

    static final MediaType OFD = MediaType.application("ofd");
    private static final MediaType ZIP = MediaType.application("zip");
    private static final MediaType OOXML = MediaType.application("x-tika-ooxml");
    /** How far into a zip to look for the entry that marks its kind: it comes first in the files Office and OFD writers make. */
    private static final int ENTRIES_SEARCHED = 200;

    private final Tika tika = new Tika();
    private final MediaTypeRegistry registry = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();
    private final List<MediaType> allowed;

    AttachmentTypes(AttachmentProperties properties) {
        this.allowed = properties.allowedTypes().stream().map(MediaType::parse).toList();
    }

    /**
     * @return the media type of an allowed file, e.g. {@code application/pdf}
     * @throws AttachmentRejectedException (415) for any other content
     */
    String detect(InputStreamSource content, String name) throws IOException {
        MediaType type;
        try (InputStream in = content.getInputStream()) {
            type = MediaType.parse(tika.detect(in, name)).getBaseType();
        }
        if (isZip(type) && name.toLowerCase(Locale.ROOT).endsWith(".ofd")) {
            type = hasEntry(content, "OFD.xml") ? OFD : ZIP;
        } else if (registry.isSpecializationOf(type, OOXML) && !hasEntry(content, "[Content_Types].xml")) {
            type = ZIP;
        }
        MediaType found = type;
        if (allowed.stream().noneMatch(permitted -> permitted.equals(found) || registry.isSpecializationOf(found, permitted))) {
            throw new AttachmentRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "不支持此类文件（" + name + "，识别为 " + found + "）：只能上传 PDF、OFD、图片（JPEG、PNG、TIFF、BMP、GIF）"
                            + "和 Office 文档（Word、Excel、PowerPoint）");
        }
        return found.toString();
    }

    private boolean isZip(MediaType type) {
        return type.equals(ZIP) || type.equals(OFD) || registry.isSpecializationOf(type, ZIP);
    }

    private static boolean hasEntry(InputStreamSource content, String entryName) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(content.getInputStream())) {
            ZipEntry entry;
            for (int i = 0; i < ENTRIES_SEARCHED && (entry = zip.getNextEntry()) != null; i++) {
                if (entry.getName().equals(entryName)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException notAZip) {
            return false;
        }
    }
}
