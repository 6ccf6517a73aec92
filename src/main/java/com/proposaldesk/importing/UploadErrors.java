package com.proposaldesk.importing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import com.proposaldesk.attachment.AttachmentService;
import com.proposaldesk.importing.AssignmentListController.ImportErrorBody;
import com.proposaldesk.web.ApiErrors.ErrorBody;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Chinese answers for uploads that never reach a controller method: a request over the servlet's
 * multipart limit fails before any handler is chosen, so this advice applies to every handler (and to none), and
 * answers by the address: the import's limit, or an attachment's.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadErrors {

    /** A proposal's attachments, uploaded through our API or the case file page's form. */
    private static final Pattern ATTACHMENTS = Pattern.compile("(/api)?/proposals/([^/]+)/attachments/?");

    /** The most of a refused upload read to keep the connection: a few times the largest file accepted. */
    private static final long MAX_DRAINED = DataSize.ofMegabytes(100).toBytes();

    private final ImportProperties limits;
    private final AttachmentService attachments;

    UploadErrors(ImportProperties limits, AttachmentService attachments) {
        this.limits = limits;
        this.attachments = attachments;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<?> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        drain(request);
        Matcher attachment = ATTACHMENTS.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (attachment.matches() && attachment.group(1) == null) {
            // the page's form: back to the page, which says why
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create("/proposals/" + attachment.group(2) + "?notice=too-large#attachments")).build();
        }
        if (attachment.matches()) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(new ErrorBody(attachments.tooLargeMessage(), List.of()));
        }
        String message = "文件超过 " + ImportProperties.describe(limits.maxFileSize()) + " 的上限，请分成几个文件分批导入";
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(new ImportErrorBody(message, List.of(ImportProblem.ofFile(message))));
    }

    /**
     * Reads what is left of the refused upload. Tomcat closes the connection after a 413, and a socket closed with
     * unread data is reset: the client, still sending, would lose the answer. Beyond {@link #MAX_DRAINED} it is not
     * worth the bandwidth, and the client sees the connection dropped.
     */
    private static void drain(HttpServletRequest request) {
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long drained = 0;
            int read;
            while (drained < MAX_DRAINED && (read = in.read(buffer)) != -1) {
                drained += read;
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client went away, or the body was read another way: nothing left to do
        }
    }

    @ExceptionHandler({MultipartException.class, MissingServletRequestPartException.class})
    ResponseEntity<ImportErrorBody> noFile(Exception e) {
        String message = "请选择要上传的文件（以 multipart/form-data 提交，字段名 file）";
        return ResponseEntity.badRequest().body(new ImportErrorBody(message, List.of(ImportProblem.ofFile(message))));
    }
}
