package com.proposaldesk.importing;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import com.proposaldesk.importing.AssignmentListController.ImportErrorBody;

/**
 * Chinese answers for uploads that never reach a controller method: a request over the servlet's
 * multipart limit fails before any handler is chosen, so this advice applies to every handler (and to none).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadErrors {

    private final ImportProperties limits;

    UploadErrors(ImportProperties limits) {
        this.limits = limits;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ImportErrorBody> tooLarge(MaxUploadSizeExceededException e) {
        String message = "文件超过 " + ImportProperties.describe(limits.maxFileSize()) + " 的上限，请分成几个文件分批导入";
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(new ImportErrorBody(message, List.of(ImportProblem.ofFile(message))));
    }

    @ExceptionHandler({MultipartException.class, MissingServletRequestPartException.class})
    ResponseEntity<ImportErrorBody> noFile(Exception e) {
        String message = "请选择要上传的文件（以 multipart/form-data 提交，字段名 file）";
        return ResponseEntity.badRequest().body(new ImportErrorBody(message, List.of(ImportProblem.ofFile(message))));
    }
}
