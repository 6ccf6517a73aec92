package com.proposaldesk.web;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.proposaldesk.member.DuplicateMemberException;
import com.proposaldesk.member.MemberNotFoundException;
import com.proposaldesk.proposal.ProposalNotFoundException;
import com.proposaldesk.registration.DuplicateProposalException;
import com.proposaldesk.reminder.ReminderNotSentException;
import com.proposaldesk.security.AuthorizationMessages;
import com.proposaldesk.security.ForbiddenException;
import com.proposaldesk.task.FieldProblem;
import com.proposaldesk.task.TaskInputRejectedException;

/** Chinese error bodies for our API: {@code {"message": ..., "errors": [{"field", "message"}]}}; never a stack trace. */
@RestControllerAdvice(basePackages = "com.proposaldesk")
public class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    public record ErrorBody(String message, List<FieldProblem> errors) {
    }

    @ExceptionHandler(TaskInputRejectedException.class)
    ResponseEntity<ErrorBody> invalid(TaskInputRejectedException e) {
        return ResponseEntity.badRequest().body(new ErrorBody(e.getMessage(), e.problems()));
    }

    @ExceptionHandler(DuplicateProposalException.class)
    ResponseEntity<ErrorBody> duplicate(DuplicateProposalException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(new ErrorBody(e.getMessage(), List.of(new FieldProblem("number", e.getMessage()))));
    }

    @ExceptionHandler(ProposalNotFoundException.class)
    ResponseEntity<ErrorBody> notFound(ProposalNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorBody(e.getMessage(), List.of()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ErrorBody> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorBody(e.getMessage(), List.of()));
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ErrorBody> badRequest(BadRequestException e) {
        return ResponseEntity.badRequest().body(new ErrorBody(e.getMessage(), List.of()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ErrorBody> forbidden(ForbiddenException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ErrorBody(e.getMessage(), List.of()));
    }

    @ExceptionHandler(ReminderNotSentException.class)
    ResponseEntity<ErrorBody> mailServerDown(ReminderNotSentException e) {
        // logged where it happened, in one line with the reference that its message names (reminder/ReminderMailer)
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ErrorBody(e.getMessage(), List.of()));
    }

    @ExceptionHandler(MemberNotFoundException.class)
    ResponseEntity<ErrorBody> memberNotFound(MemberNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorBody(e.getMessage(), List.of()));
    }

    @ExceptionHandler(DuplicateMemberException.class)
    ResponseEntity<ErrorBody> duplicateMember(DuplicateMemberException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(new ErrorBody(e.getMessage(), List.of(new FieldProblem("name", e.getMessage()))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> parameterType(MethodArgumentTypeMismatchException e) {
        String message = "参数 " + e.getName() + " 的值“" + e.getValue() + "”格式不正确";
        return ResponseEntity.badRequest().body(new ErrorBody(message, List.of(new FieldProblem(e.getName(), message))));
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ErrorBody> forbidden(AuthorizationException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ErrorBody(AuthorizationMessages.of(e), List.of()));
    }

    @ExceptionHandler(ProcessEngineException.class)
    ResponseEntity<ErrorBody> engine(ProcessEngineException e) {
        if (DatabaseUnavailable.isCause(e)) {
            return databaseUnavailable(e);
        }
        BadUserRequestException rejection = RejectedInputMapper.rejection(e);
        if (rejection instanceof TaskInputRejectedException input) {
            return invalid(input);
        }
        if (rejection != null) {
            return badRequest(rejection);
        }
        return unexpected(e);
    }

    @ExceptionHandler(BadUserRequestException.class)
    ResponseEntity<ErrorBody> badRequest(BadUserRequestException e) {
        return ResponseEntity.badRequest().body(new ErrorBody(e.getMessage(), List.of()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            String message = "字段 " + field + " 的类型不正确";
            return ResponseEntity.badRequest().body(new ErrorBody(message, List.of(new FieldProblem(field, message))));
        }
        return ResponseEntity.badRequest().body(new ErrorBody("请求内容不是有效的 JSON", List.of()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(new ErrorBody("请以 application/json 格式提交", List.of()));
    }

    ResponseEntity<ErrorBody> databaseUnavailable(Exception e) {
        LOG.warn("Request refused, the database is unavailable: {}", DatabaseUnavailable.describe(e));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ErrorBody(DatabaseUnavailable.MESSAGE, List.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        if (DatabaseUnavailable.isCause(e)) {
            return databaseUnavailable(e);
        }
        String reference = ErrorReference.next();
        LOG.error("Unexpected error in API call, error reference {}", reference, e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ErrorBody(ErrorReference.message(reference), List.of()));
    }
}
