package com.proposaldesk.attachment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.proposaldesk.web.ApiErrors.ErrorBody;

/** {@code /api/proposals/{number}/attachments}: a proposal's files, on the proposal's authorization. */
@RestController
@RequestMapping("/api/proposals/{number}/attachments")
public class AttachmentController {

    private final AttachmentService attachments;

    public AttachmentController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @GetMapping
    public List<Attachment> list(@PathVariable String number) {
        return attachments.list(number);
    }

    /** {@code file}: the file; {@code kind}: 交办单, 会办意见函, 盖章答复函 or 其他 (by label or code); {@code description}. */
    @PostMapping
    public ResponseEntity<Attachment> upload(@PathVariable String number, @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String description) throws IOException {
        Attachment stored = attachments.upload(number, file, kind, description);
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, stored.download(number)).body(stored);
    }

    @GetMapping("/{id}")
    public ResponseEntity<byte[]> download(@PathVariable String number, @PathVariable long id) {
        AttachmentService.Download download = attachments.download(number, id);
        return file(download);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String number, @PathVariable long id) {
        attachments.delete(number, id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(AttachmentRejectedException.class)
    ResponseEntity<ErrorBody> rejected(AttachmentRejectedException e) {
        return ResponseEntity.status(e.status()).body(new ErrorBody(e.getMessage(), List.of()));
    }

    /**
     * Always as a download, never shown in the page that links it; the name in RFC 5987's {@code filename*} (UTF-8), which
     * every current browser reads, and MIME-encoded in {@code filename} for older clients.
     */
    static ResponseEntity<byte[]> file(AttachmentService.Download download) {
        Attachment attachment = download.attachment();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.contentType()))
                .contentLength(download.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(attachment.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(download.content());
    }
}
